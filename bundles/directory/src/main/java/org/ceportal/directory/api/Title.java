package org.ceportal.directory.api;

/** A professional technical title (专业技术职务), in a series at a level. */
public class Title {
    public String code;
    public String name;
    public String seriesCode;
    public String seriesName;
    /** {@code junior_assistant}, {@code junior}, {@code intermediate}, {@code deputy_senior} or {@code senior}. */
    public String level;
    public String levelName;
}
