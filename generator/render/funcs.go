package render

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"congkhai/generator/model"
	"congkhai/generator/schedule"
)

var funcs = template.FuncMap{
	"vnDate":  func(d schedule.Date) string { return d.VN() },
	"percent": percent,
	"number":  number,
	"add":     func(a, b int) int { return a + b },
	"join":    strings.Join,
	"lower":   strings.ToLower,
	"list":    func(v ...any) []any { return v },
	"limit": func(n int, tasks []*model.Task) []*model.Task {
		if len(tasks) > n {
			return tasks[:n]
		}
		return tasks
	},
	"limitReports": func(n int, rs []*model.Report) []*model.Report {
		if len(rs) > n {
			return rs[:n]
		}
		return rs
	},
	"levelLabel": levelLabel,
	"newestFirst": func(rs []*model.Report) []*model.Report {
		out := slices.Clone(rs)
		slices.Reverse(out)
		return out
	},
}

// percent is part of total as a whole percentage, "0" when total is 0.
func percent(part, total int) int {
	if total == 0 {
		return 0
	}
	return (part*100 + total/2) / total
}

// number writes an integer the Vietnamese way: 1.234.
func number(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func levelLabel(level string) string {
	switch level {
	case "trung-uong":
		return "Trung ương"
	case "tinh":
		return "Cấp tỉnh"
	case "thanh-pho":
		return "Thành phố trực thuộc Trung ương"
	case "huyen":
		return "Cấp huyện"
	case "xa":
		return "Cấp xã"
	}
	return level
}
