package render

import (
	"html/template"
	"strconv"
	"strings"

	"congkhai/generator/chart"
	"congkhai/generator/model"
	"congkhai/generator/vocab"
)

// bandGuides mark where each band of the 766 index starts.
var bandGuides = func() []chart.Guide {
	var g []chart.Guide
	for _, b := range vocab.Bands() {
		if b != vocab.Weak {
			g = append(g, chart.Guide{Value: b.Min(), Label: b.Label(), Class: "band-" + b.Slug()})
		}
	}
	return g
}()

// chartWidth is the viewBox width of charts: narrow, so that their 12-unit text stays at
// least 12 px when a phone 360 px wide draws them across its column (the stylesheet caps
// their width on large screens).
const chartWidth = 320

// trendChart draws an agency's monthly 766 totals of the last trendMonths. The page shows
// the same numbers in a table, and its list of results every one.
func trendChart(a *model.Agency) template.HTML {
	scores := trendScores(a)
	if len(scores) < 2 {
		return ""
	}
	title := "Tổng điểm Bộ chỉ số 766 theo tháng của " + a.ShortName()
	if len(scores) < len(a.MonthlyScores()) {
		title += ", " + strconv.Itoa(len(scores)) + " tháng gần nhất"
	}
	labels := make([]string, len(scores))
	values := make([]float64, len(scores))
	for i, s := range scores {
		labels[i], values[i] = s.Period.ShortLabel(), s.Total
	}
	return chart.Line(chart.LineChart{
		ID:     "xu-huong-766",
		Title:  title,
		Labels: labels,
		Series: []chart.Series{{Name: "Tổng điểm", Values: values}},
		Max:    100,
		Fit:    true, // totals move by a few points: a 0–100 axis would flatten them
		Guides: bandGuides,
		Width:  chartWidth,
		Height: 210,
	})
}

// bandChart draws how many units of a period fall in each band.
func bandChart(p *model.ScorePeriod) template.HTML {
	bars := make([]chart.Bar, vocab.NumBands)
	for i, b := range vocab.Bands() {
		bars[i] = chart.Bar{Label: b.Label(), Value: float64(p.Bands[b]), Class: "band-" + b.Slug()}
	}
	return chart.Bars(chart.BarChart{ID: "xep-loai-" + p.ID, Title: "Số đơn vị theo xếp loại, " + p.Label(), Bars: bars, Width: chartWidth})
}

// groupChart draws a unit's six group scores against their maxima.
func groupChart(s *model.UnitScore) template.HTML {
	bars := make([]chart.Bar, vocab.NumScoreGroups)
	for i, g := range vocab.ScoreGroups() {
		// The tables beside it head their columns with the abbreviation: the chart says it.
		bars[i] = chart.Bar{Label: g.Label() + " (" + strings.ToUpper(g.Key()) + ")", Value: s.Groups[g], Max: g.Max()}
	}
	return chart.Bars(chart.BarChart{ID: "nhom-766", Title: "Điểm từng nhóm chỉ số, " + s.Period.Label(), Bars: bars, Normalize: true, Decimals: 2, Width: chartWidth})
}
