// Package chart draws small charts as inline SVG at build time.
//
// The charts are meant to sit inside a page next to a table with the same
// numbers: they load nothing, need no JavaScript and carry an accessible name
// (<title>) and description (<desc>) referenced by aria-labelledby. Colours
// come from currentColor and class names, so the site's stylesheet controls
// them; default presentation attributes keep a chart legible without it.
//
// Class names used (all optional to style):
//
//	svg.chart.line-chart / svg.chart.bar-chart   the root element
//	.chart-grid, .chart-axis                     grid lines, axis line and tick labels
//	.chart-guide, .chart-band                    reference lines / bands (+ Guide.Class)
//	.chart-series.chart-sN                       series N (1-based): line, points, value
//	.chart-line, .chart-point, .chart-value      the line, its markers, last-value label
//	.chart-legend                                legend (only with several series)
//	.chart-bar, .chart-track, .chart-label       bars (+ Bar.Class), their max tracks, labels
//
// Output is deterministic and compact: coordinates are rounded to one decimal
// and printed without trailing zeros.
package chart

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// fontSize is the text size in viewBox units.
const fontSize = 12

// Number formats v the Vietnamese way: decimal comma, dots between thousands
// and exactly decimals digits after the comma (Number(1234.5, 2) is
// "1.234,50"). It rounds half away from zero on the shortest decimal
// representation of v, so 1.005 gives "1,01" as a reader expects. A result that
// rounds to zero never carries a minus sign. NaN and infinities give "–".
func Number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	if decimals < 0 {
		decimals = 0
	}
	neg := v < 0
	v = math.Abs(v) // also turns -0 into 0
	s := strconv.FormatFloat(v, 'f', -1, 64)
	ip, fp, _ := strings.Cut(s, ".")
	up := false
	if len(fp) > decimals {
		up = fp[decimals] >= '5'
		fp = fp[:decimals]
	} else {
		fp += strings.Repeat("0", decimals-len(fp))
	}
	d := []byte(ip + fp)
	if up {
		i := len(d) - 1
		for ; i >= 0; i-- {
			if d[i] == '9' {
				d[i] = '0'
				continue
			}
			d[i]++
			break
		}
		if i < 0 {
			d = append([]byte{'1'}, d...)
		}
	}
	zero := true
	for _, c := range d {
		if c != '0' {
			zero = false
			break
		}
	}
	ip, fp = string(d[:len(d)-decimals]), string(d[len(d)-decimals:])
	var b strings.Builder
	if neg && !zero {
		b.WriteByte('-')
	}
	for i := 0; i < len(ip); i++ {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(ip[i])
	}
	if decimals > 0 {
		b.WriteByte(',')
		b.WriteString(fp)
	}
	return b.String()
}

// num prints a coordinate rounded to one decimal without trailing zeros.
func num(v float64) string {
	r := math.Round(v*10) / 10
	if r == 0 || math.IsNaN(r) {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// esc escapes s for XML text or a double-quoted attribute (it also replaces
// characters XML cannot carry).
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// textWidth estimates the rendered width of s at fontSize in a sans-serif
// face from rough per-character widths; it errs on the wide side.
func textWidth(s string) float64 {
	em := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune(" .,:;!|'()[]-/", r):
			em += 0.35
		case strings.ContainsRune("mwMW%", r):
			em += 0.9
		case r >= '0' && r <= '9':
			em += 0.64
		case unicode.IsUpper(r):
			em += 0.74
		default:
			em += 0.6
		}
	}
	return em * fontSize
}

// checkID panics unless id can be used in an id attribute and in the
// space-separated aria-labelledby list. IDs come from the calling code, so a
// bad one is a programming error.
func checkID(id, title string) {
	if id == "" {
		panic("chart: ID is required (unique per page)")
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			panic("chart: ID " + strconv.Quote(id) + " may only contain ASCII letters, digits, '-' and '_'")
		}
	}
	if strings.TrimSpace(title) == "" {
		panic("chart: Title is required (chart " + id + ")")
	}
}

// open writes the root element with its accessible name and description.
func open(b *strings.Builder, class, id, title, desc string, w, h float64) {
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart `)
	b.WriteString(class)
	b.WriteString(`" viewBox="0 0 `)
	b.WriteString(num(w) + " " + num(h))
	b.WriteString(`" width="100%" role="img" aria-labelledby="`)
	b.WriteString(id + "-title " + id + `-desc" overflow="visible" font-size="` + strconv.Itoa(fontSize) + `" fill="currentColor">`)
	b.WriteString(`<title id="` + id + `-title">` + esc(title) + `</title>`)
	b.WriteString(`<desc id="` + id + `-desc">` + esc(desc) + `</desc>`)
}

// spread moves the positions in ys (sorted ascending on return, with their
// original indexes in order) so that neighbours are at least gap apart.
func spread(ys []float64, gap float64) []float64 {
	out := append([]float64(nil), ys...)
	idx := make([]int, len(ys))
	for i := range idx {
		idx[i] = i
	}
	// insertion sort: stable and tiny inputs
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && ys[idx[j]] < ys[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	for k := 1; k < len(idx); k++ {
		if prev := out[idx[k-1]]; out[idx[k]]-prev < gap {
			out[idx[k]] = prev + gap
		}
	}
	return out
}
