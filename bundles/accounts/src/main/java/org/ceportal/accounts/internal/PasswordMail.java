package org.ceportal.accounts.internal;

import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the 忘记密码 codes by e-mail through the configured SMTP server (Jakarta Mail,
 * Angus implementation), one at a time on a thread of its own: the answer to the person
 * never waits for the server, so its timing does not tell whether a mail went out.
 * Without {@code smtpHost} the self-service reset is switched off.
 */
@Component(service = PasswordMail.class, configurationPid = PasswordMail.PID)
@Designate(ocd = PasswordMail.Config.class)
public final class PasswordMail {
    static final String PID = "org.ceportal.accounts.mail";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordMail.class);

    @ObjectClassDefinition(name = "ceportal mail", description = "SMTP server for 忘记密码 codes; empty host = no e-mail reset")
    @interface Config {
        @AttributeDefinition(name = "SMTP host", description = "Empty: the self-service reset by e-mail is off", required = false)
        String smtpHost() default "";

        @AttributeDefinition(name = "SMTP port", min = "1", max = "65535")
        int smtpPort() default 25;

        @AttributeDefinition(name = "STARTTLS", description = "Require STARTTLS before authenticating")
        boolean startTls() default false;

        @AttributeDefinition(name = "User name", required = false)
        String username() default "";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String password() default "";

        @AttributeDefinition(name = "From", description = "Sender address, e.g. noreply@jxjy.example.gov.cn")
        String from() default "noreply@localhost";

        @AttributeDefinition(name = "Sender name", description = "Shown as the sender and in the subject")
        String senderName() default "继续教育平台";

        @AttributeDefinition(name = "Code minutes", description = "How long a code is valid", min = "1", max = "120")
        int codeMinutes() default 15;

        @AttributeDefinition(name = "Codes per hour", description = "Codes one account may be sent per hour", min = "1", max = "20")
        int codesPerHour() default 3;
    }

    // changed in place (@Modified): a new configuration must not take the component, and the
    // 忘记密码 resource that needs it, away from the whiteboard even for a moment (a 404 meanwhile)
    private volatile Config config;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), r -> {
                Thread t = new Thread(r, "ceportal-mail");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    @Activate
    public PasswordMail(Config config) {
        this.config = config;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Deactivate
    void stop() {
        sender.shutdown();
    }

    boolean enabled() {
        return config.smtpHost() != null && !config.smtpHost().isBlank();
    }

    int codeMinutes() {
        return Math.max(1, config.codeMinutes());
    }

    int codesPerHour() {
        return Math.max(1, config.codesPerHour());
    }

    String senderName() {
        return config.senderName();
    }

    /** Queues a plain-text mail; failures are logged (without the text: it holds a code), never thrown. */
    void send(String to, String subject, String text) {
        sender.execute(() -> {
            try {
                deliver(to, subject, text);
            } catch (MessagingException | RuntimeException e) {
                LOG.warn("Could not send a mail through {}:{}: {}", config.smtpHost(), config.smtpPort(), e.toString());
            }
        });
    }

    private void deliver(String to, String subject, String text) throws MessagingException {
        Config config = this.config; // one configuration for the whole mail
        Properties p = new Properties();
        p.put("mail.smtp.host", config.smtpHost().strip());
        p.put("mail.smtp.port", String.valueOf(config.smtpPort()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        boolean auth = config.username() != null && !config.username().isBlank();
        p.put("mail.smtp.auth", String.valueOf(auth));
        if (config.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        // Jakarta Mail finds its providers through the context class loader: under OSGi, the implementation's own
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(p, auth ? new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(config.username(), config.password());
                }
            } : null);
            MimeMessage m = new MimeMessage(session);
            try {
                m.setFrom(new InternetAddress(config.from(), config.senderName(), "UTF-8"));
            } catch (java.io.UnsupportedEncodingException e) {
                m.setFrom(new InternetAddress(config.from()));
            }
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            Transport.send(m);
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
