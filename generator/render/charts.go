package render

import (
	"html/template"
	"strconv"

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

// barWidth is the viewBox width of bar charts: narrow, so that their text stays legible when
// a phone scales them down (the stylesheet caps their width on large screens).
const barWidth = 360

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
		Guides: bandGuides,
	})
}

// bandChart draws how many units of a period fall in each band.
func bandChart(p *model.ScorePeriod) template.HTML {
	bars := make([]chart.Bar, vocab.NumBands)
	for i, b := range vocab.Bands() {
		bars[i] = chart.Bar{Label: b.Label(), Value: float64(p.Bands[b]), Class: "band-" + b.Slug()}
	}
	return chart.Bars(chart.BarChart{ID: "xep-loai-" + p.ID, Title: "Số đơn vị theo xếp loại, " + p.Label(), Bars: bars, Width: barWidth})
}

// groupChart draws a unit's six group scores against their maxima.
func groupChart(s *model.UnitScore) template.HTML {
	bars := make([]chart.Bar, vocab.NumScoreGroups)
	for i, g := range vocab.ScoreGroups() {
		bars[i] = chart.Bar{Label: g.Label(), Value: s.Groups[g], Max: g.Max()}
	}
	return chart.Bars(chart.BarChart{ID: "nhom-766", Title: "Điểm từng nhóm chỉ số, " + s.Period.Label(), Bars: bars, Normalize: true, Decimals: 2, Width: barWidth})
}
