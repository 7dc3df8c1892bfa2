package org.ceportal.directory.api;

/** A region of the province: a prefecture-level city, 济源示范区 or 省直. */
public class Region {
    /** GB/T 2260 code, e.g. {@code 410300}. */
    public String code;
    public String name;
}
