package render

import (
	"bytes"
	"html/template"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// kioskLinks rewrites a kiosk page so that nothing on it leads out of the kiosk: each link
// to another host (an absolute address, whatever wrote it: a template, a report's
// evidence, a Markdown text of the content) becomes its text, followed by a QR code of
// the address and the address itself, so that a visitor opens it on their phone. The
// links are gone from the HTML, so they are not followed with JavaScript off either.
// Everything else is copied byte for byte.
func kioskLinks(page []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	out.Grow(len(page))
	external := "" // the address of the link being rewritten
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				// The tokenizer fails only on its reader; a bytes.Reader does not fail.
				panic(z.Err())
			}
			return out.Bytes()
		}
		raw := bytes.Clone(z.Raw())
		switch tt {
		case html.StartTagToken:
			name, more := z.TagName()
			if string(name) != "a" || external != "" {
				break
			}
			href := ""
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if string(k) == "href" {
					href = string(v)
				}
			}
			if isExternal(href) {
				external = href
				out.WriteString(`<span class="ext">`)
				continue
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "a" && external != "" {
				out.WriteString(`</span>`)
				out.WriteString(string(externalQR(external, linkText(out.Bytes()))))
				external = ""
				continue
			}
		}
		out.Write(raw)
	}
}

// isExternal reports whether a link leads to another host: an address with a scheme
// (https:, mailto:…) or one that starts with "//". Links inside the site are relative.
func isExternal(href string) bool {
	href = strings.TrimSpace(href)
	if strings.HasPrefix(href, "//") {
		return true
	}
	u, err := url.Parse(href)
	return err != nil || u.Scheme != ""
}

// linkText is the text of the link just closed at the end of out (from its <span
// class="ext">), without its tags, to tell whether the link showed its own address.
func linkText(out []byte) string {
	i := bytes.LastIndex(out, []byte(`<span class="ext">`))
	if i < 0 {
		return ""
	}
	var text strings.Builder
	z := html.NewTokenizer(bytes.NewReader(out[i:]))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt == html.TextToken {
			text.Write(z.Text())
		}
	}
	return strings.TrimSpace(text.String())
}

// externalQR is what follows the text of a link to another host: a QR code of its address
// and the address, in a box a phone's camera can read. An address too long for a QR code
// is shown as text, saying so.
func externalQR(href, text string) template.HTML {
	shown := template.HTMLEscapeString(href)
	svg, err := qrSVG(href, "Mã QR của địa chỉ "+href)
	if err != nil {
		return template.HTML(` <span class="ext-url">(địa chỉ ngoài kiosk, quá dài để in mã QR: ` + shown + `)</span>`)
	}
	var b strings.Builder
	b.WriteString(` <span class="ext-qr">`)
	b.WriteString(string(svg))
	b.WriteString(`<span class="ext-note">Quét mã để mở trên điện thoại`)
	if text != href {
		b.WriteString(`: <span class="ext-url">` + shown + `</span>`)
	}
	b.WriteString(`</span></span>`)
	return template.HTML(b.String())
}
