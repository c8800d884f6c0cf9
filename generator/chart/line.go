package chart

import (
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Series is one line of a LineChart. Values[i] belongs to Labels[i]; a value
// is missing (the line breaks there) when i >= len(Values), when
// Missing[i] is true or when the value is NaN.
type Series struct {
	Name    string
	Values  []float64
	Missing []bool
}

// At returns the i-th value and whether it is present.
func (s Series) At(i int) (float64, bool) {
	if i < 0 || i >= len(s.Values) || (i < len(s.Missing) && s.Missing[i]) {
		return 0, false
	}
	v := s.Values[i]
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// SeriesFromPointers builds a Series from values where nil means missing.
func SeriesFromPointers(name string, vs []*float64) Series {
	s := Series{Name: name, Values: make([]float64, len(vs)), Missing: make([]bool, len(vs))}
	for i, p := range vs {
		if p == nil {
			s.Missing[i] = true
		} else {
			s.Values[i] = *p
		}
	}
	return s
}

// Guide is a horizontal reference line at Value or, when To differs from
// Value and is non-zero, a band from Value to To. Label is printed in the
// right margin; Class is added to the element's classes (e.g. "band-kha").
type Guide struct {
	Value float64
	To    float64
	Label string
	Class string
}

// LineChart describes a line chart of one or more series over ordered labels.
type LineChart struct {
	ID     string // unique per page; used for the title and desc ids
	Title  string // accessible name (required)
	Desc   string // accessible description; defaults to Summary()
	Labels []string
	Series []Series
	Min    float64 // bottom of the y axis (default 0)
	Max    float64 // top of the y axis; 0 means from the data, rounded up
	// Fit spans the y axis over the values instead of Min..Max: from a little below the
	// lowest to a little above the highest, rounded to ticks, at least a tenth of Max-Min
	// wide and never beyond Min..Max. Guides outside it are left out. Values that differ by
	// a few points on a scale of 100 then look different; the tick labels say where the
	// axis starts.
	Fit    bool
	Guides []Guide
	// Decimals for the value labels and the summary; 0 means 2, negative means none.
	Decimals int
	// Width and Height of the viewBox; defaults 480 × 240. The element is
	// width="100%" and its height follows the aspect ratio.
	Width, Height float64
}

func (c LineChart) decimals() int {
	switch {
	case c.Decimals == 0:
		return 2
	case c.Decimals < 0:
		return 0
	}
	return c.Decimals
}

// Summary describes every series in Vietnamese sentences, for the <desc>.
func (c LineChart) Summary() string {
	parts := make([]string, 0, len(c.Series))
	for _, s := range c.Series {
		parts = append(parts, Summary(s, c.Labels, c.decimals()))
	}
	return strings.Join(parts, " ")
}

// Summary writes one sentence about a series over labels, e.g.
// "Tổng điểm từ 61,20 (T1/2026) đến 64,35 (T10/2026); cao nhất 65,10 (T7/2026)."
// The highest and lowest values are mentioned when they fall between the
// first and the last; labels without a value are listed (or counted when
// there are more than three).
func Summary(s Series, labels []string, decimals int) string {
	name := strings.TrimSpace(s.Name)
	lead := func(rest string) string {
		if name == "" {
			r := []rune(rest)
			return strings.ToUpper(string(r[0])) + string(r[1:])
		}
		return name + " " + rest
	}
	first, last, hi, lo := -1, -1, -1, -1
	var missing []string
	for i := range labels {
		v, ok := s.At(i)
		if !ok {
			missing = append(missing, labels[i])
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		if hv, _ := s.At(hi); hi < 0 || v > hv {
			hi = i
		}
		if lv, _ := s.At(lo); lo < 0 || v < lv {
			lo = i
		}
	}
	at := func(i int) string {
		v, _ := s.At(i)
		return Number(v, decimals) + " (" + labels[i] + ")"
	}
	if first < 0 {
		if name == "" {
			return "Chưa có số liệu."
		}
		return name + ": chưa có số liệu."
	}
	var b strings.Builder
	if first == last {
		if name == "" {
			b.WriteString("Chỉ có một giá trị: " + at(first))
		} else {
			b.WriteString(name + " " + at(first))
		}
	} else {
		b.WriteString(lead("từ " + at(first) + " đến " + at(last)))
		if hi != first && hi != last {
			b.WriteString("; cao nhất " + at(hi))
		}
		if lo != first && lo != last {
			b.WriteString("; thấp nhất " + at(lo))
		}
	}
	switch {
	case len(missing) == 0:
	case len(missing) <= 3:
		b.WriteString("; không có số liệu: " + strings.Join(missing, ", "))
	default:
		b.WriteString("; không có số liệu ở " + strconv.Itoa(len(missing)) + " kỳ")
	}
	b.WriteString(".")
	return b.String()
}

// dashes and markers make several series distinguishable without colour.
var dashes = []string{"", "7 4", "2 3", "10 3 2 3"}

// marker writes point marker kind k (circle, square, triangle, diamond) at x, y.
func marker(b *strings.Builder, k int, x, y float64) {
	switch k % 4 {
	case 0:
		b.WriteString(`<circle cx="` + num(x) + `" cy="` + num(y) + `" r="3"/>`)
	case 1:
		b.WriteString(`<path d="M` + num(x-3) + " " + num(y-3) + `h6v6h-6z"/>`)
	case 2:
		b.WriteString(`<path d="M` + num(x) + " " + num(y-4) + `l4 7h-8z"/>`)
	case 3:
		b.WriteString(`<path d="M` + num(x) + " " + num(y-4.5) + `l4 4.5-4 4.5-4-4.5z"/>`)
	}
}

// niceStep returns a step of 1, 2, 2.5 or 5 × 10^k near span/target.
func niceStep(span float64, target int) float64 {
	raw := span / float64(target)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// stepDecimals is how many decimals the tick labels for step need.
func stepDecimals(step float64) int {
	for d := 0; d < 4; d++ {
		f := step * math.Pow(10, float64(d))
		if math.Abs(f-math.Round(f)) < 1e-9 {
			return d
		}
	}
	return 4
}

// fit is the y range of a Fit chart within lo..hi, and its tick step: the values with a
// little room, at least a tenth of lo..hi, rounded to a step of 1, 2 or 5 × 10^k that
// gives at most six ticks' intervals.
func (c LineChart) fit(lo, hi, step float64) (float64, float64, float64) {
	dlo, dhi, any := math.Inf(1), math.Inf(-1), false
	for _, s := range c.Series {
		for i := range c.Labels {
			if v, ok := s.At(i); ok {
				dlo, dhi, any = math.Min(dlo, v), math.Max(dhi, v), true
			}
		}
	}
	if !any {
		return lo, hi, step
	}
	span := math.Max(dhi-dlo, (hi-lo)/10)
	mid := (dlo + dhi) / 2
	a, b := mid-span*0.55, mid+span*0.55
	for p := math.Pow(10, math.Floor(math.Log10(span/6))); ; p *= 10 {
		for _, m := range []float64{1, 2, 5} {
			st := m * p
			a2, b2 := math.Max(lo, math.Floor(a/st+1e-9)*st), math.Min(hi, math.Ceil(b/st-1e-9)*st)
			if b2 > a2 && (b2-a2)/st <= 6+1e-9 {
				return a2, b2, st
			}
		}
	}
}

// box is the space a text takes in the chart, for telling whether two texts collide.
type box struct{ x0, y0, x1, y1 float64 }

// textBox is the box of text t drawn at x, y (its baseline) with anchor "start", "middle"
// or "end", with a margin of pad around it.
func textBox(t string, x, y float64, anchor string, pad float64) box {
	w := textWidth(t)
	switch anchor {
	case "middle":
		x -= w / 2
	case "end":
		x -= w
	}
	return box{x - pad, y - fontSize*0.8 - pad, x + w + pad, y + fontSize*0.25 + pad}
}

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// Line draws c as an inline SVG line chart. It panics if ID is empty or not
// a simple token, or Title is empty. The x axis has one position per label;
// values beyond the labels are ignored and values outside Min..Max are drawn
// at the edge of the plot.
func Line(c LineChart) template.HTML {
	checkID(c.ID, c.Title)
	w, h := c.Width, c.Height
	if w <= 0 {
		w = 480
	}
	if h <= 0 {
		h = 240
	}
	desc := c.Desc
	if strings.TrimSpace(desc) == "" {
		desc = c.Summary()
	}
	n := len(c.Labels)
	dec := c.decimals()

	// y range
	lo, hi := c.Min, c.Max
	if hi <= lo {
		hi = lo
		for _, s := range c.Series {
			for i := 0; i < n; i++ {
				if v, ok := s.At(i); ok && v > hi {
					hi = v
				}
			}
		}
		for _, g := range c.Guides {
			hi = math.Max(hi, math.Max(g.Value, g.To))
		}
		if hi <= lo {
			hi = lo + 1
		}
		st := niceStep(hi-lo, 5)
		hi = lo + math.Ceil((hi-lo)/st-1e-9)*st
	}
	step := niceStep(hi-lo, 5)
	if c.Fit {
		lo, hi, step = c.fit(lo, hi, step)
	}
	tickDec := stepDecimals(step)
	var guides []Guide
	for _, g := range c.Guides {
		if g.Value >= lo-1e-9 && g.Value <= hi+1e-9 || g.To != 0 && g.To != g.Value && math.Max(g.Value, g.To) > lo && math.Min(g.Value, g.To) < hi {
			guides = append(guides, g)
		}
	}
	c.Guides = guides
	var ticks []float64
	for k := 0; ; k++ {
		v := lo + float64(k)*step
		if v > hi+step*1e-9 {
			break
		}
		ticks = append(ticks, v)
	}

	// margins
	tickW := 0.0
	for _, t := range ticks {
		tickW = math.Max(tickW, textWidth(Number(t, tickDec)))
	}
	labelW := 0.0
	for _, l := range c.Labels {
		labelW = math.Max(labelW, textWidth(l))
	}
	guideW := 0.0
	for _, g := range c.Guides {
		if g.Label != "" {
			guideW = math.Max(guideW, textWidth(g.Label)+12)
		}
	}
	ml := math.Max(tickW+8, labelW/2+2)
	mr := math.Max(12, math.Max(guideW, labelW/2+2))
	if n == 1 {
		mr = math.Max(12, guideW)
	}
	mt, mb := float64(fontSize+6), float64(fontSize+15)

	// legend layout (several series only)
	type entry struct{ x, y float64 }
	var legend []entry
	if len(c.Series) > 1 {
		x, row := 0.0, 0
		for _, s := range c.Series {
			ew := 28 + textWidth(s.Name)
			if x > 0 && x+ew > w-ml {
				x, row = 0, row+1
			}
			legend = append(legend, entry{ml + x, float64(fontSize+2) + float64(row)*(fontSize+8)})
			x += ew + 14
		}
		mt += float64(row+1) * (fontSize + 8)
	}

	pl, pr, pt, pb := ml, w-mr, mt, h-mb
	ys := func(v float64) float64 {
		v = math.Min(math.Max(v, lo), hi)
		return pb - (v-lo)/(hi-lo)*(pb-pt)
	}
	xs := func(i int) float64 {
		if n <= 1 {
			return (pl + pr) / 2
		}
		return pl + float64(i)*(pr-pl)/float64(n-1)
	}

	var b strings.Builder
	open(&b, "line-chart", c.ID, c.Title, desc, w, h)
	var taken []box // the texts drawn, which a value label must not cover

	// guides: bands first so lines and series draw over them
	if len(c.Guides) > 0 {
		b.WriteString(`<g class="chart-guides" stroke="currentColor" stroke-opacity=".6" stroke-dasharray="4 3" fill-opacity=".08">`)
		labY := make([]float64, len(c.Guides))
		for i, g := range c.Guides {
			band := g.To != 0 && g.To != g.Value
			cls := "chart-guide"
			if band {
				cls = "chart-band"
			}
			if g.Class != "" {
				cls += " " + esc(g.Class)
			}
			y0 := ys(g.Value)
			if band {
				y1 := ys(g.To)
				top, bot := math.Min(y0, y1), math.Max(y0, y1)
				b.WriteString(`<rect class="` + cls + `" x="` + num(pl) + `" y="` + num(top) + `" width="` + num(pr-pl) + `" height="` + num(bot-top) + `" stroke="none"/>`)
				labY[i] = (top+bot)/2 + fontSize*0.35
			} else {
				b.WriteString(`<path class="` + cls + `" d="M` + num(pl) + " " + num(y0) + "H" + num(pr) + `"/>`)
				labY[i] = y0 + fontSize*0.35
			}
		}
		b.WriteString(`</g><g class="chart-label">`)
		labY = spread(labY, fontSize+1)
		for i, g := range c.Guides {
			if g.Label == "" {
				continue
			}
			b.WriteString(`<text x="` + num(pr+9) + `" y="` + num(labY[i]) + `">` + esc(g.Label) + `</text>`)
			taken = append(taken, textBox(g.Label, pr+9, labY[i], "start", 0))
		}
		b.WriteString(`</g>`)
	}

	// grid and y axis
	b.WriteString(`<g class="chart-grid" stroke="currentColor" stroke-opacity=".15"><path d="`)
	for _, t := range ticks[1:] {
		b.WriteString("M" + num(pl) + " " + num(ys(t)) + "H" + num(pr))
	}
	b.WriteString(`"/></g><g class="chart-axis"><path d="M` + num(pl) + " " + num(pb) + "H" + num(pr) + `" stroke="currentColor" stroke-opacity=".6"/><g text-anchor="end">`)
	for _, t := range ticks {
		b.WriteString(`<text x="` + num(pl-6) + `" y="` + num(ys(t)+fontSize*0.35) + `">` + Number(t, tickDec) + `</text>`)
		taken = append(taken, textBox(Number(t, tickDec), pl-6, ys(t)+fontSize*0.35, "end", 0))
	}
	b.WriteString(`</g><g text-anchor="middle">`)
	// thin out the x labels so they do not overlap; always keep the last one
	every := 1
	if n > 1 {
		every = int(math.Ceil((labelW + 8) / ((pr - pl) / float64(n-1))))
		every = max(every, 1)
	}
	for i, l := range c.Labels {
		if (n-1-i)%every != 0 {
			continue
		}
		b.WriteString(`<text x="` + num(xs(i)) + `" y="` + num(pb+fontSize+9) + `">` + esc(l) + `</text>`)
		taken = append(taken, textBox(l, xs(i), pb+fontSize+9, "middle", 0))
	}
	b.WriteString(`</g></g>`)

	if n == 0 {
		b.WriteString(`<text x="` + num(w/2) + `" y="` + num((pt+pb)/2) + `" text-anchor="middle">Chưa có số liệu</text>`)
	}

	// series
	type valueLabel struct {
		x, y float64 // the last point
		text string
	}
	labels := make([]valueLabel, len(c.Series))
	for si, s := range c.Series {
		dash := ""
		if d := dashes[si%len(dashes)]; d != "" {
			dash = ` stroke-dasharray="` + d + `"`
		}
		b.WriteString(`<g class="chart-series chart-s` + strconv.Itoa(si+1) + `" stroke="currentColor"><path class="chart-line" d="`)
		pen := false
		lastI := -1
		for i := 0; i < n; i++ {
			v, ok := s.At(i)
			if !ok {
				pen = false
				continue
			}
			if pen {
				b.WriteString("L")
			} else {
				b.WriteString("M")
			}
			b.WriteString(num(xs(i)) + " " + num(ys(v)))
			pen = true
			lastI = i
		}
		b.WriteString(`" fill="none" stroke-width="2" stroke-linejoin="round"` + dash + `/><g class="chart-point">`)
		for i := 0; i < n; i++ {
			if v, ok := s.At(i); ok {
				marker(&b, si, xs(i), ys(v))
			}
		}
		b.WriteString(`</g>`)
		if lastI >= 0 {
			v, _ := s.At(lastI)
			labels[si] = valueLabel{x: xs(lastI), y: ys(v), text: Number(v, dec)}
		}
		// The line, as boxes along it, which a value label must not cover either.
		px, py := math.NaN(), math.NaN()
		for i := 0; i < n; i++ {
			v, ok := s.At(i)
			if !ok {
				px = math.NaN()
				continue
			}
			x, y := xs(i), ys(v)
			taken = append(taken, box{x - 4, y - 4, x + 4, y + 4})
			if !math.IsNaN(px) {
				for k := 1; k < 8; k++ {
					f := float64(k) / 8
					mx, my := px+(x-px)*f, py+(y-py)*f
					taken = append(taken, box{mx - 1.5, my - 1.5, mx + 1.5, my + 1.5})
				}
			}
			px, py = x, y
		}
		b.WriteString(`</g>`)
	}
	// last-value labels, above the last point or, where that would cover another text or
	// leave the chart, below it or further off
	if len(c.Series) > 0 {
		b.WriteString(`<g class="chart-value" font-weight="bold" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`)
		for i, l := range labels {
			if l.text == "" {
				continue
			}
			x, anchor := l.x, "middle"
			if tw := textWidth(l.text) * 1.1; x+tw/2 > w-2 || l.x >= pr-0.5 && n > 1 {
				x, anchor = x+4, "end"
			}
			above, below := l.y-8, l.y+8+fontSize*0.8
			var place box
			y := above
			for k, cy := range []float64{above, below, above - fontSize - 2, below + fontSize + 2} {
				bx := textBox(l.text, x, cy, anchor, 1.5)
				bx.x0 -= textWidth(l.text) * 0.1 // bold is wider
				free := bx.y0 >= 0 && bx.y1 <= h
				for _, t := range taken {
					free = free && !bx.overlaps(t)
				}
				if k == 0 || free {
					y, place = cy, bx
				}
				if free {
					break
				}
			}
			taken = append(taken, place)
			b.WriteString(`<text class="chart-s` + strconv.Itoa(i+1) + `" x="` + num(x) + `" y="` + num(y) + `"`)
			b.WriteString(` text-anchor="` + anchor + `">` + l.text + `</text>`)
		}
		b.WriteString(`</g>`)
	}

	// legend
	if len(legend) > 0 {
		b.WriteString(`<g class="chart-legend">`)
		for si, s := range c.Series {
			e := legend[si]
			dash := ""
			if d := dashes[si%len(dashes)]; d != "" {
				dash = ` stroke-dasharray="` + d + `"`
			}
			cy := e.y - fontSize*0.35
			b.WriteString(`<g class="chart-series chart-s` + strconv.Itoa(si+1) + `" stroke="currentColor"><path d="M` + num(e.x) + " " + num(cy) + "h22" + `" stroke-width="2"` + dash + `/>`)
			marker(&b, si, e.x+11, cy)
			b.WriteString(`<text x="` + num(e.x+28) + `" y="` + num(e.y) + `" stroke="none">` + esc(s.Name) + `</text></g>`)
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
