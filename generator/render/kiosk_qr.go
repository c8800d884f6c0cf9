package render

import (
	"fmt"
	"html/template"
	"strings"

	qr "github.com/piglig/go-qr"
)

// qrQuiet is the margin of a QR code, in modules: the four that ISO/IEC 18004 asks for, so
// that a phone finds the code on any background.
const qrQuiet = 4

// qrSVG draws text as a QR code in inline SVG, labelled for screen readers: a white square
// and one path whose strokes, one module thick, are the runs of dark modules of each row.
// Error correction level M (15 %) reads through glare on a screen; the same text always
// gives the same bytes.
func qrSVG(text, label string) (template.HTML, error) {
	code, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return "", err
	}
	n := code.Size()
	side := n + 2*qrQuiet
	var d strings.Builder
	for y := range n {
		x := 0  // the next module to look at
		at := 0 // where the pen is on this row, once the row has begun
		begun := false
		for x < n {
			if !code.Module(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < n && code.Module(x+run, y) {
				run++
			}
			if !begun {
				fmt.Fprintf(&d, "M%d %d.5", x+qrQuiet, y+qrQuiet)
				begun = true
			} else {
				fmt.Fprintf(&d, "m%d 0", x-at)
			}
			fmt.Fprintf(&d, "h%d", run)
			x += run
			at = x
		}
	}
	return template.HTML(fmt.Sprintf(`<svg class="qr" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" shape-rendering="crispEdges">`+
		`<rect width="%d" height="%d" fill="#fff"/><path stroke="#000" d="%s"/></svg>`,
		side, side, side*5, side*5, template.HTMLEscapeString(label), side, side, d.String())), nil
}
