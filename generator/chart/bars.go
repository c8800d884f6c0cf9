package chart

import (
	"html/template"
	"math"
	"strings"
)

// Bar is one horizontal bar. With Max > 0 a track as long as Max is drawn
// behind the bar and the value reads "8,00 / 18"; Text, when set, replaces
// the printed value. Class is added to the bar's classes (e.g. "band-tot").
type Bar struct {
	Label string
	Value float64
	Max   float64
	Text  string
	Class string
}

// BarChart describes horizontal bars: a distribution (units per band) or
// scores against their maximum (the six groups of the 766 index).
type BarChart struct {
	ID    string // unique per page; used for the title and desc ids
	Title string // accessible name (required)
	Desc  string // accessible description; defaults to "Label: value; …."
	Bars  []Bar
	// Max is the value at the full width; 0 means the largest Bar.Max or
	// Bar.Value.
	Max float64
	// Normalize draws every track at full width and each bar as Value/Max of
	// its own track (compares fulfilment rather than absolute points).
	Normalize bool
	// Decimals for the values; 0 means none (counts), so pass 2 for scores.
	Decimals int
	// Width of the viewBox; default 480. The height follows from the number
	// of bars and whether labels fit to the left of the bars (else they go
	// above each bar).
	Width float64
}

// text is the printed value of bar b.
func (c BarChart) text(b Bar) string {
	if b.Text != "" {
		return b.Text
	}
	t := Number(b.Value, c.Decimals)
	if b.Max > 0 {
		md := 0
		if b.Max != math.Trunc(b.Max) {
			md = c.Decimals
		}
		t += " / " + Number(b.Max, md)
	}
	return t
}

// Summary lists every bar as "Label: value", for the <desc>.
func (c BarChart) Summary() string {
	if len(c.Bars) == 0 {
		return "Chưa có số liệu."
	}
	parts := make([]string, len(c.Bars))
	for i, b := range c.Bars {
		parts[i] = b.Label + ": " + c.text(b)
	}
	return strings.Join(parts, "; ") + "."
}

// Bars draws c as an inline SVG bar chart. It panics if ID is empty or not a
// simple token, or Title is empty. Negative values are drawn as empty bars.
func Bars(c BarChart) template.HTML {
	checkID(c.ID, c.Title)
	w := c.Width
	if w <= 0 {
		w = 480
	}
	desc := c.Desc
	if strings.TrimSpace(desc) == "" {
		desc = c.Summary()
	}
	scale := c.Max
	if scale <= 0 {
		for _, b := range c.Bars {
			scale = math.Max(scale, math.Max(b.Max, b.Value))
		}
	}
	if scale <= 0 {
		scale = 1
	}
	labelW, valueW := 0.0, 0.0
	for _, b := range c.Bars {
		labelW = math.Max(labelW, textWidth(b.Label))
		valueW = math.Max(valueW, textWidth(c.text(b)))
	}
	const barH, gap = 16.0, 10.0
	left := labelW <= 0.4*w // labels beside the bars, else above them
	x0, row, off := 0.0, barH+gap, 0.0
	if left {
		x0 = labelW + 8
	} else {
		row += fontSize + 4
		off = fontSize + 4
	}
	x1 := w - valueW - 6
	if x1-x0 < 40 { // keep some room for the bars even with long texts
		x1 = x0 + 40
	}
	h := float64(len(c.Bars))*row - gap + 2
	if len(c.Bars) == 0 {
		h = 2 * fontSize
	}
	var b strings.Builder
	open(&b, "bar-chart", c.ID, c.Title, desc, w, h)
	if len(c.Bars) == 0 {
		b.WriteString(`<text x="0" y="` + num(fontSize*1.2) + `">Chưa có số liệu</text>`)
	}
	length := func(v, of float64) float64 {
		if math.IsNaN(v) || v <= 0 || of <= 0 {
			return 0
		}
		return math.Min(v/of, 1) * (x1 - x0)
	}
	for i, bar := range c.Bars {
		y := 1 + float64(i)*row + off
		mid := y + barH/2 + fontSize*0.35
		if left {
			b.WriteString(`<text class="chart-label" x="` + num(x0-8) + `" y="` + num(mid) + `" text-anchor="end">` + esc(bar.Label) + `</text>`)
		} else {
			b.WriteString(`<text class="chart-label" x="0" y="` + num(y-5) + `">` + esc(bar.Label) + `</text>`)
		}
		var bw, end float64
		switch {
		case c.Normalize:
			of := bar.Max
			if of <= 0 {
				of = scale
			}
			bw, end = length(bar.Value, of), x1
		default:
			bw = length(bar.Value, scale)
			end = x0 + bw
			if bar.Max > 0 {
				end = x0 + length(bar.Max, scale)
			}
		}
		if c.Normalize || bar.Max > 0 {
			b.WriteString(`<rect class="chart-track" x="` + num(x0) + `" y="` + num(y) + `" width="` + num(end-x0) + `" height="16" fill-opacity=".15"/>`)
		}
		cls := "chart-bar"
		if bar.Class != "" {
			cls += " " + esc(bar.Class)
		}
		b.WriteString(`<rect class="` + cls + `" x="` + num(x0) + `" y="` + num(y) + `" width="` + num(bw) + `" height="16"/>`)
		b.WriteString(`<text class="chart-value" x="` + num(end+6) + `" y="` + num(mid) + `">` + esc(c.text(bar)) + `</text>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
