package org.ceportal.directory.api;

/** One of the 56 ethnic groups, with its GB/T 3304 code. */
public class EthnicGroup {
    public String code;
    public String name;
}
