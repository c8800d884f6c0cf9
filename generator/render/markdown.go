package render

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"congkhai/generator/markdown"
)

// newMarkdown returns the Markdown converter of the site: the site's dialect (package
// markdown), with references to documents the site holds ("Quyết định số 2890/QĐ-UBND")
// turned into links.
func newMarkdown() goldmark.Markdown {
	return markdown.New(goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(docLinker{}, 100))))
}

var pageKey = parser.NewContextKey()

// docNumber matches a document number such as "2890/QĐ-UBND" or "02/2017/TT-VPCP".
var docNumber = regexp.MustCompile(`\d+(?:/\d{4})?/[A-ZĐ]+(?:-[A-ZĐ]+)+`)

// docLinker links document numbers to the plan they issued, when the site holds it and it
// belongs to the authority of the page being rendered (numbers repeat across provinces).
type docLinker struct{}

func (docLinker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	pg, _ := pc.Get(pageKey).(*Page)
	if pg == nil || pg.Authority == nil {
		return
	}
	src := reader.Source()
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.AutoLink, *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		seg := t.Segment
		value := seg.Value(src)
		matches := docNumber.FindAllIndex(value, -1)
		parent := t.Parent()
		if len(matches) == 0 || parent == nil {
			continue
		}
		last, prev := 0, ast.Node(t)
		insert := func(n ast.Node) { parent.InsertAfter(parent, prev, n); prev = n }
		linked := false
		for _, m := range matches {
			p := pg.Site.DocumentPlan(pg.Authority, string(value[m[0]:m[1]]))
			if p == nil || p == pg.Plan && pg.Task == nil {
				continue
			}
			linked = true
			if m[0] > last {
				insert(ast.NewTextSegment(text.NewSegment(seg.Start+last, seg.Start+m[0])))
			}
			link := ast.NewLink()
			link.Destination = []byte(pg.URL(p))
			link.Title = []byte(p.Title)
			link.AppendChild(link, ast.NewTextSegment(text.NewSegment(seg.Start+m[0], seg.Start+m[1])))
			insert(link)
			last = m[1]
		}
		if !linked {
			continue
		}
		rest := ast.NewTextSegment(text.NewSegment(seg.Start+last, seg.Stop))
		rest.SetSoftLineBreak(t.SoftLineBreak())
		rest.SetHardLineBreak(t.HardLineBreak())
		insert(rest)
		parent.RemoveChild(parent, t)
	}
}

// markdown renders a block of Markdown for page pg.
func (r *renderer) markdown(pg *Page, src string) template.HTML {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	var buf bytes.Buffer
	ctx := parser.NewContext()
	ctx.Set(pageKey, pg)
	if err := r.md.Convert([]byte(src), &buf, parser.WithContext(ctx)); err != nil {
		panic(err) // goldmark only fails on a failing writer; a bytes.Buffer does not fail
	}
	return template.HTML(buf.String())
}

// inline renders a short text (a table cell, a legal basis) as Markdown without the
// paragraph around it.
func (r *renderer) inline(pg *Page, src string) template.HTML {
	h := string(r.markdown(pg, src))
	h = strings.TrimSpace(h)
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 {
		h = h[3 : len(h)-4]
	}
	return template.HTML(h)
}
