package org.jline.standin;

/**
 * Stands in for JLine, which ktx does not depend on yet: the JLine rule matches on the package name,
 * so a type under {@code org.jline} lets the fixtures prove that rule bites without adding the library.
 */
public interface LineReader {
    String readLine(String prompt);
}
