package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// The report's extensions, each a goldmark.Extender, as goldmark's own
// extension package and Hugo's markup/goldmark shape theirs. The priorities
// order the transformers: blocks become figures before links are checked,
// typed figures looked for in what is left, and a copy's places found last.

// figureExtension hands the report's blocks and references to the figure
// language, and draws what it returns.
type figureExtension struct{}

func (figureExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithASTTransformers(
			util.Prioritized(&blockTransformer{}, 100),
			util.Prioritized(&typedTransformer{}, 300),
		),
		parser.WithInlineParsers(util.Prioritized(&refParser{}, 50)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(figureRenderer{}, 100)))
}

type figureRenderer struct{}

func (r figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFigureBlock, figureBlock)
	reg.Register(kindRef, ref)
	reg.Register(kindCases, cases)
}

// linkExtension checks links and images, and gives root-relative ones the
// site's base path.
type linkExtension struct{}

func (linkExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&linkTransformer{}, 200)))
}

// draftExtension points at what a copied page still says of the edition
// it was copied from.
type draftExtension struct{}

func (draftExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&draftTransformer{}, 400)))
}

// safeHTMLExtension shows editors' HTML as text, so a stray <script> can
// never reach a reader, and aligns table columns with classes, since the
// pages' Content-Security-Policy blocks the style attribute goldmark would
// write.
type safeHTMLExtension struct{}

func (safeHTMLExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(safeHTMLRenderer{}, 100)))
}

type safeHTMLRenderer struct{}

func (r safeHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, htmlBlock)
	reg.Register(ast.KindRawHTML, rawHTML)
	reg.Register(east.KindTableCell, tableCell)
}
