package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func months(from, to int) []string {
	var l []string
	for m := from; m <= to; m++ {
		l = append(l, "T"+itoa(m)+"/2026")
	}
	return l
}

func itoa(i int) string { return Number(float64(i), 0) }

var guides = []Guide{
	{Value: 50, Label: "Trung bình"},
	{Value: 70, Label: "Khá"},
	{Value: 80, Label: "Tốt"},
	{Value: 90, Label: "Xuất sắc"},
}

func lineSingle() LineChart {
	return LineChart{
		ID:     "tong-diem",
		Title:  "Tổng điểm Chỉ số 766 theo tháng",
		Labels: months(1, 10),
		Series: []Series{{Name: "Tổng điểm", Values: []float64{61.2, 61.95, 62.4, 63.1, 62.8, 64.0, 65.1, 64.2, 63.9, 64.35}}},
		Max:    100,
		Guides: guides,
	}
}

func lineMulti() LineChart {
	nan := math.NaN()
	return LineChart{
		ID:     "so-sanh",
		Title:  "So sánh <ba> đơn vị & tỉnh",
		Desc:   "Ba đơn vị; dữ liệu tháng 4 và 5 của Sở A & B bị thiếu.",
		Labels: months(1, 10),
		Series: []Series{
			{Name: "Sở A & B", Values: []float64{55, 58, 60, 0, 0, 66, 70.5, 72, 71, 74.25}, Missing: []bool{3: true, 4: true}},
			{Name: "UBND <tỉnh>", Values: []float64{48, 50.5, 52, 55, 57, nan, 59, 61, 63, 64}},
			{Name: "Trung bình cả nước", Values: []float64{60, 61, 61.5, 62, 62.5, 63, 63.5, 64, 64.5}},
		},
		Max: 100,
		Guides: []Guide{
			{Value: 0, To: 50, Label: "Yếu", Class: "band-yeu"},
			{Value: 70, Label: "Khá"},
			{Value: 90, Label: "Xuất sắc"},
		},
	}
}

func barsBands() BarChart {
	return BarChart{
		ID:    "phan-bo",
		Title: "Số đơn vị theo xếp loại, T10/2026",
		Bars: []Bar{
			{Label: "Xuất sắc", Value: 0, Class: "band-xuat-sac"},
			{Label: "Tốt", Value: 3, Class: "band-tot"},
			{Label: "Khá", Value: 12, Class: "band-kha"},
			{Label: "Trung bình", Value: 41, Class: "band-trung-binh"},
			{Label: "Yếu", Value: 1234, Class: "band-yeu"},
		},
	}
}

func barsGroups() BarChart {
	return BarChart{
		ID:       "nhom",
		Title:    "Điểm sáu nhóm tiêu chí, T10/2026",
		Decimals: 2,
		Bars: []Bar{
			{Label: "CKMB", Value: 8, Max: 18},
			{Label: "TDGQ", Value: 17.63, Max: 20},
			{Label: "CLGQ", Value: 8.88, Max: 12},
			{Label: "TTTT", Value: 6.37, Max: 10},
			{Label: "MDHL", Value: 14.1, Max: 18},
			{Label: "MDSH", Value: 9.67, Max: 22},
		},
	}
}

func barsLong() BarChart {
	return BarChart{
		ID:        "don-vi",
		Title:     "Tỷ lệ đạt của các đơn vị",
		Decimals:  2,
		Normalize: true,
		Bars: []Bar{
			{Label: "UBND Thành phố Hải Phòng & các sở, ban, ngành trực thuộc", Value: 66.7, Max: 100},
			{Label: "Bộ Nông nghiệp và Môi trường", Value: 58.72, Max: 100},
		},
	}
}

var golden = map[string]func() string{
	"line-single": func() string { return string(Line(lineSingle())) },
	"line-multi":  func() string { return string(Line(lineMulti())) },
	"bars-bands":  func() string { return string(Bars(barsBands())) },
	"bars-groups": func() string { return string(Bars(barsGroups())) },
	"bars-long":   func() string { return string(Bars(barsLong())) },
}

func TestGolden(t *testing.T) {
	for name, f := range golden {
		t.Run(name, func(t *testing.T) {
			got := []byte(f() + "\n")
			path := filepath.Join("testdata", name+".svg")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from golden file; run go test -update and review the diff", path)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for name, f := range golden {
		a := f()
		for i := 0; i < 20; i++ {
			if b := f(); b != a {
				t.Fatalf("%s: output differs between runs", name)
			}
		}
	}
}

func TestSize(t *testing.T) {
	c := lineSingle()
	c.Guides = nil
	if n := len(Line(c)); n > 2500 {
		t.Errorf("10-point single-series chart is %d bytes, want well under 3 KB", n)
	}
	if n := len(Line(lineSingle())); n > 3000 {
		t.Errorf("10-point chart with 4 guides is %d bytes", n)
	}
}

// node is a generic XML element tree.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []node     `xml:",any"`
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n node) hasClass(c string) bool {
	for _, f := range strings.Fields(n.attr("class")) {
		if f == c {
			return true
		}
	}
	return false
}

// walk calls f for n and every descendant, with the classes of its ancestors.
func (n node) walk(f func(n node)) {
	f(n)
	for _, c := range n.Nodes {
		c.walk(f)
	}
}

// find returns the elements with class c (in document order).
func (n node) find(c string) []node {
	var out []node
	n.walk(func(m node) {
		if m.hasClass(c) {
			out = append(out, m)
		}
	})
	return out
}

func parse(t *testing.T, s string) node {
	t.Helper()
	var root node
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	if err := d.Decode(&root); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, s)
	}
	// nothing after the root element
	if tok, err := d.Token(); err == nil {
		t.Fatalf("trailing content after </svg>: %#v", tok)
	}
	return root
}

// checkA11y verifies role, title and desc wiring and returns title and desc.
func checkA11y(t *testing.T, root node, id string) (title, desc string) {
	t.Helper()
	if root.XMLName.Local != "svg" || root.XMLName.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("root is %v", root.XMLName)
	}
	if root.attr("role") != "img" {
		t.Errorf("role = %q", root.attr("role"))
	}
	if root.attr("width") != "100%" || root.attr("viewBox") == "" || root.attr("height") != "" {
		t.Errorf("want responsive width=100%% with viewBox and no height; got width=%q height=%q viewBox=%q",
			root.attr("width"), root.attr("height"), root.attr("viewBox"))
	}
	refs := strings.Fields(root.attr("aria-labelledby"))
	if len(refs) != 2 || refs[0] != id+"-title" || refs[1] != id+"-desc" {
		t.Fatalf("aria-labelledby = %q", root.attr("aria-labelledby"))
	}
	ids := map[string]int{}
	root.walk(func(n node) {
		if v := n.attr("id"); v != "" {
			ids[v]++
		}
	})
	for v, k := range ids {
		if k > 1 {
			t.Errorf("id %q used %d times", v, k)
		}
	}
	if len(root.Nodes) < 2 || root.Nodes[0].XMLName.Local != "title" || root.Nodes[1].XMLName.Local != "desc" {
		t.Fatalf("svg must start with <title> and <desc>")
	}
	if root.Nodes[0].attr("id") != refs[0] || root.Nodes[1].attr("id") != refs[1] {
		t.Errorf("title/desc ids %q %q do not match aria-labelledby", root.Nodes[0].attr("id"), root.Nodes[1].attr("id"))
	}
	title, desc = root.Nodes[0].Text, root.Nodes[1].Text
	if strings.TrimSpace(title) == "" || strings.TrimSpace(desc) == "" {
		t.Errorf("empty title or desc")
	}
	return title, desc
}

func TestLineStructure(t *testing.T) {
	root := parse(t, string(Line(lineSingle())))
	_, desc := checkA11y(t, root, "tong-diem")
	want := "Tổng điểm từ 61,20 (T1/2026) đến 64,35 (T10/2026); cao nhất 65,10 (T7/2026)."
	if desc != want {
		t.Errorf("desc = %q, want %q", desc, want)
	}
	points := root.find("chart-point")
	if len(points) != 1 || len(points[0].Nodes) != 10 {
		t.Fatalf("want 1 series with 10 points, got %d groups", len(points))
	}
	for _, p := range points[0].Nodes {
		if p.XMLName.Local != "circle" {
			t.Errorf("first series marker is %s, want circle", p.XMLName.Local)
		}
	}
	lines := root.find("chart-line")
	if len(lines) != 1 || strings.Count(lines[0].attr("d"), "M") != 1 || strings.Count(lines[0].attr("d"), "L") != 9 {
		t.Errorf("want one unbroken line of 10 points, d=%q", lines[0].attr("d"))
	}
	if g := root.find("chart-guide"); len(g) != 4 {
		t.Errorf("want 4 guides, got %d", len(g))
	}
	vals := root.find("chart-value")
	if len(vals) != 1 || len(vals[0].Nodes) != 1 || vals[0].Nodes[0].Text != "64,35" {
		t.Errorf("last value label missing: %+v", vals)
	}
	if len(root.find("chart-legend")) != 0 {
		t.Errorf("a single series needs no legend")
	}
	// text that the reader sees
	var texts []string
	root.walk(func(n node) {
		if n.XMLName.Local == "text" {
			texts = append(texts, n.Text)
		}
	})
	all := strings.Join(texts, "|")
	for _, s := range []string{"Trung bình", "Xuất sắc", "T10/2026", "100", "0"} {
		if !strings.Contains(all, s) {
			t.Errorf("missing text %q in %q", s, all)
		}
	}
}

func TestLineGapsAndEscaping(t *testing.T) {
	out := string(Line(lineMulti()))
	root := parse(t, out)
	title, _ := checkA11y(t, root, "so-sanh")
	if title != "So sánh <ba> đơn vị & tỉnh" {
		t.Errorf("title = %q", title)
	}
	if strings.Contains(out, "<ba>") || strings.Contains(out, "<tỉnh>") || strings.Contains(out, "& ") {
		t.Errorf("unescaped text in output")
	}
	lines := root.find("chart-line")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines, got %d", len(lines))
	}
	// Sở A & B: values 1-3, gap at 4-5, values 6-10 -> two sub-paths
	// UBND: gap at 6 -> two sub-paths; the national average has 9 values.
	wantM := []int{2, 2, 1}
	wantPts := []int{8, 9, 9}
	points := root.find("chart-point")
	for i, l := range lines {
		if m := strings.Count(l.attr("d"), "M"); m != wantM[i] {
			t.Errorf("series %d: %d sub-paths, want %d (d=%q)", i+1, m, wantM[i], l.attr("d"))
		}
		if len(points[i].Nodes) != wantPts[i] {
			t.Errorf("series %d: %d points, want %d", i+1, len(points[i].Nodes), wantPts[i])
		}
	}
	// series differ without colour: dash patterns and marker shapes
	if lines[0].attr("stroke-dasharray") == lines[1].attr("stroke-dasharray") ||
		lines[1].attr("stroke-dasharray") == lines[2].attr("stroke-dasharray") {
		t.Errorf("series share a dash pattern")
	}
	if points[0].Nodes[0].XMLName.Local != "circle" || points[1].Nodes[0].XMLName.Local != "path" {
		t.Errorf("markers do not differ")
	}
	var legend []string
	for _, g := range root.find("chart-legend") {
		g.walk(func(n node) {
			if n.XMLName.Local == "text" {
				legend = append(legend, n.Text)
			}
		})
	}
	if strings.Join(legend, "|") != "Sở A & B|UBND <tỉnh>|Trung bình cả nước" {
		t.Errorf("legend = %q", legend)
	}
	if b := root.find("band-yeu"); len(b) != 1 || b[0].XMLName.Local != "rect" || !b[0].hasClass("chart-band") {
		t.Errorf("band not drawn as rect with classes: %+v", b)
	}
	// the last-value label of the national average is at T9 (its last value)
	vals := root.find("chart-value")[0].Nodes
	if len(vals) != 3 || vals[0].Text != "74,25" || vals[1].Text != "64,00" || vals[2].Text != "64,50" {
		t.Errorf("value labels = %+v", vals)
	}
}

func TestLineMissingEverything(t *testing.T) {
	c := LineChart{ID: "x", Title: "T", Labels: months(1, 3), Series: []Series{{Name: "A"}}}
	root := parse(t, string(Line(c)))
	_, desc := checkA11y(t, root, "x")
	if desc != "A: chưa có số liệu." {
		t.Errorf("desc = %q", desc)
	}
	if d := root.find("chart-line")[0].attr("d"); d != "" {
		t.Errorf("d = %q, want empty", d)
	}
	// no labels at all
	parse(t, string(Line(LineChart{ID: "y", Title: "T"})))
	// a single label
	root = parse(t, string(Line(LineChart{ID: "z", Title: "T", Labels: []string{"T1/2026"}, Series: []Series{{Values: []float64{42}}}})))
	if p := root.find("chart-point"); len(p[0].Nodes) != 1 {
		t.Errorf("single point not drawn")
	}
}

func TestSeriesFromPointers(t *testing.T) {
	v := 3.0
	s := SeriesFromPointers("A", []*float64{&v, nil, &v})
	if _, ok := s.At(1); ok {
		t.Error("nil should be missing")
	}
	if x, ok := s.At(2); !ok || x != 3 {
		t.Error("value lost")
	}
	if _, ok := s.At(3); ok {
		t.Error("beyond the end should be missing")
	}
}

func TestSummary(t *testing.T) {
	l := months(1, 6)
	tests := []struct {
		s    Series
		want string
	}{
		{Series{Name: "Tổng điểm", Values: []float64{61.2, 65.1, 64.35}}, "Tổng điểm từ 61,20 (T1/2026) đến 64,35 (T3/2026); cao nhất 65,10 (T2/2026); không có số liệu: T4/2026, T5/2026, T6/2026."},
		{Series{Values: []float64{70, 60, 65, 66, 67, 80}}, "Từ 70,00 (T1/2026) đến 80,00 (T6/2026); thấp nhất 60,00 (T2/2026)."},
		{Series{Name: "CKMB", Values: []float64{0, 0, 8}, Missing: []bool{true, true}}, "CKMB 8,00 (T3/2026); không có số liệu ở 5 kỳ."},
		{Series{Name: "A", Values: []float64{1, 2, 3, 4, 5, 6}}, "A từ 1,00 (T1/2026) đến 6,00 (T6/2026)."},
	}
	for _, tt := range tests {
		if got := Summary(tt.s, l, 2); got != tt.want {
			t.Errorf("Summary(%v) =\n %q\nwant\n %q", tt.s, got, tt.want)
		}
	}
}

func TestBarsStructure(t *testing.T) {
	out := string(Bars(barsGroups()))
	root := parse(t, out)
	_, desc := checkA11y(t, root, "nhom")
	if !strings.HasPrefix(desc, "CKMB: 8,00 / 18; TDGQ: 17,63 / 20;") {
		t.Errorf("desc = %q", desc)
	}
	bars, tracks := root.find("chart-bar"), root.find("chart-track")
	if len(bars) != 6 || len(tracks) != 6 {
		t.Fatalf("want 6 bars and 6 tracks, got %d and %d", len(bars), len(tracks))
	}
	// the track of MDSH (max 22) is the full width; CKMB's bar is 8/22 of it
	full := tracks[5].attr("width")
	if bars[0].attr("width") == "" || full == "" {
		t.Fatal("missing widths")
	}
	var texts []string
	for _, v := range root.find("chart-value") {
		texts = append(texts, v.Text)
	}
	if texts[0] != "8,00 / 18" || texts[1] != "17,63 / 20" {
		t.Errorf("value texts = %q", texts)
	}

	root = parse(t, string(Bars(barsBands())))
	checkA11y(t, root, "phan-bo")
	bars = root.find("chart-bar")
	if len(bars) != 5 || len(root.find("chart-track")) != 0 {
		t.Fatalf("want 5 bars without tracks")
	}
	if bars[0].attr("width") != "0" || !bars[0].hasClass("band-xuat-sac") {
		t.Errorf("zero bar: %+v", bars[0].Attrs)
	}
	if v := root.find("chart-value"); v[4].Text != "1.234" {
		t.Errorf("thousands: %q", v[4].Text)
	}

	out = string(Bars(barsLong()))
	root = parse(t, out)
	if l := root.find("chart-label"); len(l) != 2 || l[0].Text != "UBND Thành phố Hải Phòng & các sở, ban, ngành trực thuộc" {
		t.Errorf("long label: %+v", l)
	}
	parse(t, string(Bars(BarChart{ID: "e", Title: "Trống"})))
}

func TestPanics(t *testing.T) {
	for _, c := range []LineChart{{Title: "x"}, {ID: "a b", Title: "x"}, {ID: "a"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("no panic for %+v", c)
				}
			}()
			Line(c)
		}()
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		v    float64
		d    int
		want string
	}{
		{58.72, 2, "58,72"},
		{100, 2, "100,00"},
		{0.005, 2, "0,01"},
		{1.005, 2, "1,01"},
		{2.675, 2, "2,68"},
		{1234.5, 1, "1.234,5"},
		{1234, 0, "1.234"},
		{999.995, 2, "1.000,00"},
		{1234567.891, 2, "1.234.567,89"},
		{0, 2, "0,00"},
		{math.Copysign(0, -1), 2, "0,00"},
		{-0.001, 2, "0,00"},
		{-0.005, 2, "-0,01"},
		{-58.725, 2, "-58,73"},
		{-1234.5, 0, "-1.235"},
		{0.5, 0, "1"},
		{-0.5, 0, "-1"},
		{0.4, 0, "0"},
		{9.99, 1, "10,0"},
		{12, -1, "12"},
		{1e21, 0, "1.000.000.000.000.000.000.000"},
		{math.NaN(), 2, "–"},
		{math.Inf(1), 2, "–"},
	}
	for _, tt := range tests {
		if got := Number(tt.v, tt.d); got != tt.want {
			t.Errorf("Number(%v, %d) = %q, want %q", tt.v, tt.d, got, tt.want)
		}
	}
}

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{0: "0", -0.04: "0", 1.25: "1.3", 120.0: "120", 33.333: "33.3", -2.06: "-2.1"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}

// A fitted axis spans the values, not 0–100: totals between 81 and 87 fill the chart
// instead of a twentieth of it, the ticks say where the axis starts, and the guides outside
// it are left out.
func TestLineFit(t *testing.T) {
	c := LineChart{
		ID: "fit", Title: "Tổng điểm", Labels: months(1, 10), Max: 100, Fit: true, Guides: guides, Width: 320, Height: 210,
		Series: []Series{{Name: "Tổng điểm", Values: []float64{81.95, 83.1, 81.09, 82.5, 83, 82.4, 83.9, 86.96, 84.15, 86.02}}},
	}
	root := parse(t, string(Line(c)))
	var ticks []string
	for _, g := range root.find("chart-axis") {
		for _, n := range g.Nodes {
			if n.attr("text-anchor") == "end" {
				for _, x := range n.Nodes {
					ticks = append(ticks, x.Text)
				}
			}
		}
	}
	if len(ticks) < 3 || ticks[0] == "0" || ticks[len(ticks)-1] == "100" {
		t.Errorf("ticks %v: want an axis around 81–87", ticks)
	}
	var labels []string
	for _, g := range root.find("chart-label") {
		for _, n := range g.Nodes {
			labels = append(labels, n.Text)
		}
	}
	if strings.Join(labels, "|") != "Tốt|Xuất sắc" {
		t.Errorf("guide labels %v, want only those within the axis", labels)
	}
	// The points span most of the plot's height.
	d := root.find("chart-line")[0].attr("d")
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range strings.FieldsFunc(d, func(r rune) bool { return r == 'M' || r == 'L' }) {
		var x, y float64
		if _, err := fmt.Sscan(p, &x, &y); err != nil {
			t.Fatal(err)
		}
		lo, hi = math.Min(lo, y), math.Max(hi, y)
	}
	if hi-lo < 0.35*210 {
		t.Errorf("the points span %.0f of 210 units", hi-lo)
	}
}

// The last value's label never covers a guide's label or a tick: near a guide it moves
// below its point.
func TestLineValueLabelApart(t *testing.T) {
	for _, v := range []float64{89.6, 90, 90.4, 80.2, 69.8} {
		c := lineSingle()
		c.Width, c.Height = 320, 210
		c.Series[0].Values[9] = v
		out := string(Line(c))
		root := parse(t, out)
		var boxes []box
		var names []string
		root.walk(func(n node) {
			if n.XMLName.Local != "text" || n.Text == "" {
				return
			}
			x, _ := strconv.ParseFloat(n.attr("x"), 64)
			y, _ := strconv.ParseFloat(n.attr("y"), 64)
			anchor := n.attr("text-anchor")
			if anchor == "" {
				anchor = "start"
				if n.Text == Number(v, 2) {
					anchor = "end"
				}
			}
			boxes = append(boxes, textBox(n.Text, x, y, anchor, 0))
			names = append(names, n.Text)
		})
		value := slices.Index(names, Number(v, 2))
		if value < 0 {
			t.Fatalf("%v: no value label in %s", v, out)
		}
		for i, b := range boxes {
			if i != value && b.overlaps(boxes[value]) {
				t.Errorf("%v: the value label covers %q", v, names[i])
			}
		}
	}
}
