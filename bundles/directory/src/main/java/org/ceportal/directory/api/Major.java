package org.ceportal.directory.api;

/**
 * A node of the major catalogue: level 1 学科门类, 2 专业类, 3 专业. Only level 3
 * ({@code leaf}) is a major a person can have.
 */
public class Major {
    public String code;
    public String name;
    public String parentCode;
    public int level;
    public boolean leaf;
    /** Names from the top, e.g. {@code 工学 / 计算机类 / 软件工程}. */
    public String path;
}
