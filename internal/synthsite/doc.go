// Package synthsite writes synthetic sites for benchmarks and fuzzing
// (cmd/gensite is its command). A synthetic site has N case stories spread over several editions and
// clusters, in the report's own content format, and the same pages as a
// plain Hugo site, so both tools can be timed on equal work. The text is
// made-up Danish-looking prose from a seeded generator, so the same N and
// seed always give the same bytes.
package synthsite
