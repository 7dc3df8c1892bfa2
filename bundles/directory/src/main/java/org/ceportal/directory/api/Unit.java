package org.ceportal.directory.api;

/** An employer unit (用人单位). */
public class Unit {
    public long id;
    public String name;
    public String regionCode;
    public String regionName;
    /** A {@link UnitKind} name. */
    public String kind;
    public String kindName;
    /** True for the labelled demo units the distribution loads by default. */
    public boolean demo;
}
