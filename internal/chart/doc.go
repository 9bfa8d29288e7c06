// Package chart draws the report's charts at build time as inline SVG.
//
// Every chart is one of go-chart's chart types, a chart.Chart, drawn through
// svgRenderer, this package's implementation of go-chart's Renderer. go-chart
// does the layout: from the chart's size and padding and the measured tick
// labels it places the plot area, maps categories and values onto it
// through its ranges, and draws the axes, their ticks and tick labels
// (category labels included, set between their ticks) and the grid. The
// lines of a line chart are go-chart ContinuousSeries. What go-chart lacks
// is added in its own terms:
//
//   - valueRange, a Range that gives go-chart round ticks from 0, labelled
//     in the chart's language (11.708 in Danish, 11,708 in English);
//     go-chart's own ticks start at the smallest value and step by
//     whatever fits the labels' height;
//   - series (go-chart Series): barSeries for bars from 0, grouped side by
//     side, with pattern fills and a value label on each; markerSeries for
//     the lines' marker shapes; lineLabels for the points' values or the
//     lines' names at their ends; rowSeries for horizontal bars (HBar, and
//     Share on a 0–100 % track), each row as tall as its wrapped label;
//   - elements (go-chart Renderables): the unit above the axis, a legend
//     with pattern swatches, and category labels turned to read upwards
//     when a word is wider than its category.
//
// go-chart's BarChart is not used: it draws one series, from the smallest
// value unless given a range, keeps where its bars are to itself (so a
// value label would have to repeat its arithmetic), leaves the category
// labels below the axis a fixed padding instead of measuring them, and a
// missing figure (NaN) sends every coordinate of the chart to ±9.2e18. Nor
// is go-chart's Legend, a box over the plot with a line per series, which
// shows neither a bar's colour nor its pattern. Layout outside go-chart is
// kept to what it cannot express: category labels wrapped at word
// boundaries (go-chart's word wrap makes "Produktionsteknologi, materialer
// og design" into "", "Produktionstek", "nologi,", … in a 100 px box, so the
// labels are given to it already wrapped), the turned labels, the room
// above, below and beside the plot that labels need, and the rows of
// horizontal bars.
//
// svgRenderer exists because go-chart's SVG renderer does not fit this site:
//
//   - CSP: pages forbid inline styles (style-src 'self'), so the renderer
//     writes presentation attributes (fill, stroke, font-size) and classes,
//     never style="…" or <style>;
//   - escaping: all text and attribute values are XML-escaped, so a label
//     like "Lifestyle & Design Cluster" cannot break the page;
//   - fonts: text is measured with Roboto Medium cut to Latin (FontFile), and
//     the same file is shipped as static/fonts/RobotoMedium-Latin.ttf under the family
//     "Report Chart Sans" (static/css/charts.css), so browsers draw text with
//     the font it was laid out with;
//   - speed: measurements are cached by (size, text) and the font is parsed
//     once, where go-chart built a font face per measurement and raced on
//     its first font load (its default font is never asked for);
//   - accessibility: role="img", <title> and a <desc> generated from the data
//     by describe, in the chart's language.
//
// A chart is drawn in the language of its page (Spec.Lang): its figures
// are written that language's way, and its words, the <desc>'s sentences
// and the few drawn ("I alt", "ingen tal"), come from the [chart] section
// of the language's i18n/<code>.toml.
//
// Output is deterministic, and Render is safe for concurrent use.
package chart
