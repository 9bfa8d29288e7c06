// Package data is the report's figures and reference lists, loaded from the
// TOML files under data/: the site settings, the fagområder (fields), the
// clusters, the metric catalogue, the surveys' and analyses' figures
// (studies.toml), one file of values per year and one file per edition.
//
// A metric is defined once and given a value per year. A value the source does
// not give is absent, never zero. Derived figures (ratios, changes in percent)
// are computed here and never typed. Load checks every cross-reference and the
// arithmetic between figures, so that nothing after it has to.
package data
