package sitegen

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"

	"congkhai/generator/schedule"
	"congkhai/generator/tomltext"
)

// groupMax are the maxima of the 766 groups, in the order of the results files:
// CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH.
var groupMax = [6]float64{18, 20, 12, 10, 18, 22}

var groupKeys = [6]string{"ckmb", "tdgq", "clgq", "tttt", "mdhl", "mdsh"}

// unitScore is a unit's standing in the index: a level it drifts around, better or worse
// in each group.
type unitScore struct {
	level float64    // share of the maxima, 0..1
	trend float64    // per month
	bias  [6]float64 // per group
}

type scoreRow struct {
	ref, name string
	groups    [6]float64
	total     float64
	rank      int
}

// scores writes the 766 results: each province's month by month from the first year to the
// month before the as-of day (each scoring its UBND, departments, police, inspectorate and
// every commune), and a ranking of the provinces' UBND a year.
func (g *gen) scores() {
	asOf := g.opts.AsOf
	last := schedule.D(asOf.Year, asOf.Month, 1).AddDays(-1) // end of the month before
	units := map[string]*unitScore{}
	standing := func(ref string) *unitScore {
		u := units[ref]
		if u == nil {
			u = &unitScore{level: 0.55 + 0.3*g.rng.Float64(), trend: 0.004 * g.rng.NormFloat64()}
			for i := range u.bias {
				u.bias[i] = 0.08 * g.rng.NormFloat64()
			}
			units[ref] = u
		}
		return u
	}
	month := 0
	score := func(ref, name string) scoreRow {
		u := standing(ref)
		r := scoreRow{ref: ref, name: name}
		for i, m := range groupMax {
			share := u.level + u.trend*float64(month) + u.bias[i] + 0.04*g.rng.NormFloat64()
			r.groups[i] = math.Round(m*min(max(share, 0.05), 1)*100) / 100
			r.total += r.groups[i]
		}
		r.total = math.Round(r.total*100) / 100
		return r
	}
	for _, y := range g.years {
		for m := 1; m <= 12; m++ {
			if schedule.D(y, timeMonth(m), 1).After(last) {
				break
			}
			month++
			for _, p := range g.provs {
				var rows []scoreRow
				for _, a := range p.Units {
					rows = append(rows, score(a.Ref(), ""))
				}
				period := fmt.Sprintf("%d-%02d", y, m)
				g.resultsFile(period+"-"+p.ID, period, schedule.Date{},
					fmt.Sprintf("Kết quả Bộ chỉ số 766 tháng %02d/%d – sở, ngành và xã, phường %s (minh họa)", m, y, p.Title()),
					fmt.Sprintf("Ủy ban nhân dân, các sở, ngành và các xã, phường, đặc khu %s", p.Title()), rows)
			}
		}
		if len(g.provs) > 1 && schedule.D(y, 1, 31).Before(asOf) {
			var rows []scoreRow
			for _, p := range g.provs {
				a := p.byID["ubnd-tinh"]
				rows = append(rows, score(a.Ref()+"/tinh", "UBND "+p.Title()))
				rows[len(rows)-1].ref = a.Ref()
			}
			through := schedule.Date{}
			if y == asOf.Year {
				through = last
			}
			g.resultsFile(fmt.Sprintf("%d-toan-quoc", y), fmt.Sprint(y), through,
				fmt.Sprintf("Kết quả Bộ chỉ số 766 năm %d của các tỉnh, thành phố (minh họa)", y),
				"Các tỉnh, thành phố trực thuộc trung ương", rows)
		}
	}
}

// resultsFile writes chi-so-766/<id>.toml, ranking the rows by total.
func (g *gen) resultsFile(id, period string, through schedule.Date, title, scope string, rows []scoreRow) {
	order := slices.Clone(rows)
	slices.SortStableFunc(order, func(a, b scoreRow) int { return cmp.Compare(b.total, a.total) })
	rank := map[string]int{}
	for i, r := range order {
		if i > 0 && r.total == order[i-1].total {
			rank[r.ref] = rank[order[i-1].ref]
		} else {
			rank[r.ref] = i + 1
		}
	}
	var b bytes.Buffer
	b.WriteString("# Số liệu MINH HỌA do congkhai sitegen sinh ra; không phải kết quả công bố.\n\n")
	tomltext.String(&b, "period", period)
	if !through.IsZero() {
		fmt.Fprintf(&b, "through = %s\n", through)
	}
	tomltext.String(&b, "title", title)
	tomltext.String(&b, "scope", scope)
	tomltext.String(&b, "source", "Số liệu minh họa, không phải kết quả công bố trên Cổng Dịch vụ công quốc gia.")
	b.WriteString("illustrative = true\n")
	for _, r := range rows {
		b.WriteString("\n[[unit]]\n")
		tomltext.String(&b, "agency", r.ref)
		tomltext.String(&b, "name", r.name)
		for i, k := range groupKeys {
			fmt.Fprintf(&b, "%s = %.2f\n", k, r.groups[i])
		}
		fmt.Fprintf(&b, "total = %.2f\nrank = %d\n", r.total, rank[r.ref])
	}
	g.add("chi-so-766/"+id+".toml", b.Bytes())
	g.stats.ScorePeriods++
	g.stats.ScoreUnits += len(rows)
	g.estimate.periods++
}
