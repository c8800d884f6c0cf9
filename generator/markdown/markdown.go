// Package markdown is the site's one Markdown dialect: CommonMark with GitHub's tables and
// strikethrough, raw HTML never rendered, and images from other hosts shown as links, so that
// no page loads anything from another host. It provides the converter the render stage uses
// (New), the text a reader sees of a Markdown source (Text), for search and for checks, and a
// rewriter (Rewrite) that edits that text and writes Markdown back, so that the masking of
// personal data works on what a page shows, not on the source that encodes it.
//
// What a reader sees is the text after Markdown and HTML have done their work: character
// references decoded ("Nguy&#7877;n" is "Nguyễn"), backslash escapes removed ("0912\.345" is
// "0912.345"), a line break inside a paragraph shown as a space, raw HTML left out (the
// renderer omits it), the text of links and images but not their addresses, and the content of
// code spans as typed. Text also folds what a reader cannot tell apart: non-breaking and other
// spaces are spaces, invisible characters (zero-width spaces, soft hyphens) are gone, and
// full-width letters, digits and signs ("０９１２", "＠") are their ASCII forms.
package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// New returns a converter for the site's dialect; opts add to it (the render stage adds its
// own AST transformers).
func New(opts ...goldmark.Option) goldmark.Markdown {
	return goldmark.New(append([]goldmark.Option{
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(remoteImages{}, 50))),
	}, opts...)...)
}

// parser is the dialect's parser, shared: goldmark parsers are safe for concurrent use.
var mdParser = New().Parser()

// remoteImages turns an image whose address is on another host into a link to it: the page
// must load nothing from other hosts, and a reader can still follow the link.
type remoteImages struct{}

func (remoteImages) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var images []*ast.Image
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering && !IsLocal(string(img.Destination)) {
			images = append(images, img)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		link := ast.NewLink()
		link.Destination, link.Title = img.Destination, img.Title
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		if !link.HasChildren() {
			link.AppendChild(link, ast.NewString(img.Destination))
		}
		img.Parent().ReplaceChild(img.Parent(), img, link)
	}
}

// IsLocal reports whether a link or image address stays on the site: a relative path, a
// fragment, or data. An address with a scheme or a host ("https://…", "//host/…") is not.
func IsLocal(dest string) bool {
	d := strings.TrimSpace(dest)
	if strings.HasPrefix(d, "//") || strings.HasPrefix(d, `\\`) || strings.HasPrefix(d, `/\`) {
		return false
	}
	scheme, _, found := strings.Cut(d, ":")
	if !found || strings.ContainsAny(scheme, "/?#") {
		return true
	}
	return strings.EqualFold(scheme, "data")
}

// Text returns what a reader sees of the Markdown src: one line a block (paragraph, heading,
// list item, table row, line of code), a line break inside a paragraph as a space.
func Text(src string) string {
	if plain(src) {
		return fold(strings.Join(strings.Fields(src), " "))
	}
	return parse(src).text()
}

// plain reports whether src has nothing Markdown would change beyond white space, so that
// Text need not parse it: most cells and titles are plain.
func plain(src string) bool {
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case strings.IndexByte("\\`*_[]<>&#|~!=+-.)", c) >= 0, c >= '0' && c <= '9', c < ' ' && c != '\t', c == 0x7f:
			return false
		case c >= 0x80:
			// Characters Text folds: spaces, invisible and full-width ones.
			r := []rune(src[i:min(len(src), i+4)])[0]
			if f := foldRune(r); f != r {
				return false
			}
		}
	}
	return true
}

// parse reads src into the tree of what it shows.
func parse(src string) *block {
	source := []byte(src)
	doc := mdParser.Parse(text.NewReader(source))
	c := converter{src: source}
	return c.block(doc)
}

// display returns what goldmark's HTML writer shows of a text segment: escapes and character
// references decoded.
func display(value []byte) string {
	if bytes.IndexByte(value, '\\') < 0 && bytes.IndexByte(value, '&') < 0 && bytes.IndexByte(value, 0) < 0 {
		return string(value)
	}
	var buf bytes.Buffer
	w := newBufWriter(&buf)
	htmlWriter.Write(w, value)
	w.Flush()
	return unescapeHTML(buf.String())
}

// Plain returns what a reader sees of a plain text (a title, a name) printed in a page:
// folded as Text folds, with its white space, line breaks too, collapsed to single spaces.
func Plain(s string) string {
	return strings.Join(strings.Fields(fold(s)), " ")
}
