package org.ceportal.declarations.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The learning forms as provincial ops see them (运维 › 学习形式): every form live now, with the bundle that
 * provides it and since when, and every form that declarations still name although no bundle provides it any
 * more (retired), each with how many declarations were made with each of its versions.
 */
@ProviderType
public interface FormCatalog {

    /** Live forms first (in the order the 学习形式 list shows them), then the retired ones by id. */
    List<CatalogForm> forms();
}
