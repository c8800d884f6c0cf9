package sitegen

import (
	"bytes"
	"fmt"
	"strings"

	"congkhai/generator/schedule"
	"congkhai/generator/tomltext"
)

// reportPrefixes are the signs of the documents agencies report with ("512/VPUBND-KSTT").
var reportPrefixes = map[string]string{
	"vp-ubnd": "VPUBND-KSTT", "so-noi-vu": "SNV-CCHC", "so-tu-phap": "STP-HCTP", "so-tai-chinh": "STC-VP",
	"so-khcn": "SKHCN-CĐS", "trung-tam-pvhcc": "TTPVHCC", "cong-an-tinh": "CAT-PC06",
}

// reports writes progress reports for about 55 % of a plan's tasks, as their deadlines
// call for: periodic reports for recurring work, completion (on time or late) or work under
// way for a dated deadline, and a report at some time of the year for the rest. None is
// dated after the as-of day.
func (g *gen) reports(p *genPlan) {
	asOf := g.opts.AsOf
	if p.year > asOf.Year {
		return
	}
	yearEnd := schedule.D(p.year, 12, 31)
	for _, t := range p.tasks {
		if g.rng.IntN(100) >= 55 {
			continue
		}
		agency := "vp-ubnd"
		if len(t.lead) > 0 {
			agency = t.lead[0]
		}
		dl := schedule.Parse(t.deadline, p.year)
		dates := map[schedule.Date]bool{}
		add := func(r report) {
			if r.date.After(asOf) || r.date.Before(p.date) || dates[r.date] {
				return
			}
			dates[r.date] = true
			r.task, r.agency = t, agency
			g.add(fmt.Sprintf("progress/%s/%s-%s.md", p.id, t.id, r.date), r.file(p, g))
			g.stats.Reports++
		}
		// a day of the plan's year, from the decision to the year's end
		someDay := func() schedule.Date {
			span := int(yearEnd.Time().Sub(p.date.Time()).Hours()/24) + 1
			return p.date.AddDays(g.rng.IntN(span))
		}
		if dl.Kind == schedule.KindRecurring {
			for range 1 + g.rng.IntN(4) {
				day := someDay()
				per, ok := dl.Period(day.AddDays(-25))
				if !ok {
					per, ok = schedule.CalendarPeriod(schedule.Yearly, day)
				}
				if ok {
					add(report{date: day, status: "periodic", period: per.Key})
				}
			}
			continue
		}
		due, hasDue := dl.DueDay()
		if !hasDue {
			due = someDay()
		}
		switch r := g.rng.IntN(100); {
		case r < 55: // done in time
			done := maxDate(due.AddDays(-g.rng.IntN(30)), p.date)
			if g.rng.IntN(3) == 0 {
				add(report{date: done.AddDays(-20 - g.rng.IntN(40)), status: "in-progress", percent: 30 + 10*g.rng.IntN(6)})
			}
			add(report{date: done.AddDays(g.rng.IntN(6)), status: "done", percent: 100, completed: done})
		case r < 72: // done late
			done := due.AddDays(5 + g.rng.IntN(60))
			add(report{date: due.AddDays(-10), status: "in-progress", percent: 40 + 10*g.rng.IntN(5)})
			add(report{date: done.AddDays(g.rng.IntN(6)), status: "done", percent: 100, completed: done})
		case r < 90: // under way
			add(report{date: due.AddDays(-10 - g.rng.IntN(60)), status: "in-progress", percent: 10 + 10*g.rng.IntN(8)})
		default:
			add(report{date: due.AddDays(-30 - g.rng.IntN(30)), status: "not-started", percent: 0})
		}
	}
}

type report struct {
	task      genTask
	agency    string
	date      schedule.Date
	status    string
	percent   int
	period    string
	completed schedule.Date
}

func (r report) file(p *genPlan, g *gen) []byte {
	a := p.prov.byID[r.agency]
	output := "văn bản triển khai nhiệm vụ"
	if len(r.task.outputs) > 0 {
		output = lowerFirst(strings.TrimRight(r.task.outputs[0], ". "))
	}
	var b bytes.Buffer
	b.WriteString("+++\n")
	tomltext.String(&b, "task", r.task.id)
	fmt.Fprintf(&b, "date = %s\n", r.date)
	tomltext.String(&b, "agency", r.agency)
	tomltext.String(&b, "status", r.status)
	if r.status != "periodic" {
		fmt.Fprintf(&b, "percent = %d\n", r.percent)
	}
	tomltext.String(&b, "period", r.period)
	if !r.completed.IsZero() {
		fmt.Fprintf(&b, "completed = %s\n", r.completed)
	}
	b.WriteString("illustrative = true\n")
	if r.status == "done" || r.status == "periodic" {
		prefix := reportPrefixes[r.agency]
		if prefix == "" {
			prefix = "UBND-KSTT"
		}
		b.WriteString("[[evidence]]\n")
		tomltext.String(&b, "number", fmt.Sprintf("%d/%s", 10+g.rng.IntN(2900), prefix))
		fmt.Fprintf(&b, "date = %s\n", r.date)
		tomltext.String(&b, "title", upperFirst(output))
	}
	b.WriteString("+++\n")
	who := a.ShortName()
	switch r.status {
	case "done":
		fmt.Fprintf(&b, "%s đã hoàn thành nhiệm vụ ngày %s; sản phẩm: %s.\n", who, r.completed.VN(), output)
	case "periodic":
		fmt.Fprintf(&b, "%s đã thực hiện nhiệm vụ kỳ %s: %s. %s\n", who, r.period, output, pick(g.rng, periodicNotes))
	case "in-progress":
		fmt.Fprintf(&b, "%s đang triển khai, ước đạt %d%% khối lượng công việc. %s\n", who, r.percent, pick(g.rng, progressNotes))
	default:
		fmt.Fprintf(&b, "%s chưa triển khai nhiệm vụ: %s\n", who, pick(g.rng, notStartedNotes))
	}
	return b.Bytes()
}

var (
	periodicNotes = []string{
		"Kết quả được tổng hợp vào báo cáo định kỳ gửi Văn phòng UBND tỉnh.",
		"Các đơn vị gửi số liệu đúng hạn; một số xã còn chậm cập nhật trên Hệ thống thông tin giải quyết TTHC.",
		"Đã đăng tải kết quả trên Cổng Thông tin điện tử của tỉnh.",
		"Không phát sinh vướng mắc trong kỳ.",
	}
	progressNotes = []string{
		"Đang tổng hợp ý kiến góp ý của các sở, ngành và địa phương.",
		"Dự thảo đã trình lãnh đạo cho ý kiến; dự kiến hoàn thành đúng thời hạn.",
		"Chậm do chờ hướng dẫn của bộ, ngành Trung ương.",
		"Đã tổ chức hội nghị triển khai; đang theo dõi, đôn đốc các đơn vị thực hiện.",
	}
	notStartedNotes = []string{
		"chờ văn bản hướng dẫn của Trung ương.",
		"đang bố trí kinh phí thực hiện.",
		"chờ kết quả rà soát của các đơn vị.",
	}
)

func maxDate(a, b schedule.Date) schedule.Date {
	if a.After(b) {
		return a
	}
	return b
}
