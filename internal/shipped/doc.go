// Package shipped holds the tests of the shipped site: the site in this
// repository, or the one REPORT_SHIPPED_SITE names (make test-next-edition
// points it at the shipped site with a generated next edition). It has no
// code of its own; its tests build the site through the pipeline, as the
// report command does, and read the result.
//
// What they assert holds for every edition an editor may add, unless a
// test names the 2016 edition's facts as such: content that `report check`
// passes must pass these tests too.
package shipped
