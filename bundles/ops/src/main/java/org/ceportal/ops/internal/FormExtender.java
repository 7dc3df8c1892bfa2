package org.ceportal.ops.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ceportal.learningform.api.LearningForm;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender for learning forms shipped without Java: a bundle whose manifest has
 * {@code Ceportal-LearningForms: forms/reading-club.json, ...} gets one learning form per file (the JSON of a
 * {@link FormDefinition}, as 新建学习形式 makes it) for as long as it is active, registered in the bundle's own
 * name (so the catalogue names that bundle; the bundle therefore imports {@code org.ceportal.learningform.api}) with
 * the bundle's version as the form's version. A file that does not
 * pass {@link FormDefinitions#check} registers nothing and is named in the log with its errors.
 */
@Component(immediate = true)
public final class FormExtender {
    static final String HEADER = "Ceportal-LearningForms";
    private static final Logger LOG = LoggerFactory.getLogger(FormExtender.class);

    private final BundleTracker<List<ServiceRegistration<LearningForm>>> tracker;

    @Activate
    public FormExtender(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public List<ServiceRegistration<LearningForm>> addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(HEADER);
                return header == null || header.isBlank() ? null : register(bundle, header);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<LearningForm>> forms) {
                for (ServiceRegistration<LearningForm> r : forms) {
                    try {
                        r.unregister();
                    } catch (IllegalStateException alreadyGone) { // the bundle stopped and took them with it
                    }
                }
                LOG.info("Learning forms of bundle {} are gone", bundle.getSymbolicName());
            }
        };
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    /**
     * Whether the bundle's class space has the SPI the portal uses: the forms are registered in its name, and the
     * framework shows a service only to bundles wired to the same package as its registrant.
     */
    private static boolean seesTheSpi(Bundle bundle) {
        try {
            return bundle.loadClass(LearningForm.class.getName()) == LearningForm.class;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<ServiceRegistration<LearningForm>> register(Bundle bundle, String header) {
        List<ServiceRegistration<LearningForm>> out = new ArrayList<>();
        if (!seesTheSpi(bundle)) {
            LOG.error("Bundle {} names learning forms in {} but does not import {}: its forms would be invisible, none is used",
                    bundle.getSymbolicName(), HEADER, LearningForm.class.getPackageName());
            return out;
        }
        Version v = bundle.getVersion();
        String version = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        for (String path : header.split(",")) {
            String file = path.strip();
            String where = bundle.getSymbolicName() + " " + file;
            URL url = bundle.getEntry(file);
            if (url == null) {
                LOG.error("Learning form file {} named in {} does not exist", where, HEADER);
                continue;
            }
            try (InputStream in = url.openStream()) {
                DefinedForm form = FormDefiner.make(new String(in.readAllBytes(), StandardCharsets.UTF_8), version, where);
                out.add(bundle.getBundleContext().registerService(LearningForm.class, form, null));
                LOG.info("Learning form {} {} from {} is live", form.description().id(), version, where);
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("Learning form file {} is not used: {}", where, e.getMessage());
            }
        }
        return out;
    }
}
