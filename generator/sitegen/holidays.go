package sitegen

import (
	"bytes"
	"fmt"

	"congkhai/generator/schedule"
	"congkhai/generator/tomltext"
)

// dayOff is a run of public holidays, or (workday) a weekend day worked in place of one.
type dayOff struct {
	from, to schedule.Date
	name     string
	workday  bool
}

// holidays are the days off of 2023-2026: 2025 and 2026 as in the example's ngay-nghi.toml,
// the earlier years as announced (Tết, Giỗ Tổ, 30/4-1/5, 2/9), without their make-up days.
var holidays = []dayOff{
	{from: d(2023, 1, 1), to: d(2023, 1, 2), name: "Tết Dương lịch 2023"},
	{from: d(2023, 1, 20), to: d(2023, 1, 26), name: "Tết Nguyên đán Quý Mão"},
	{from: d(2023, 4, 29), to: d(2023, 5, 3), name: "Giỗ Tổ Hùng Vương, Ngày Chiến thắng 30/4 và Ngày Quốc tế lao động 1/5"},
	{from: d(2023, 9, 1), to: d(2023, 9, 4), name: "Quốc khánh 2/9"},
	{from: d(2024, 1, 1), name: "Tết Dương lịch 2024"},
	{from: d(2024, 2, 8), to: d(2024, 2, 14), name: "Tết Nguyên đán Giáp Thìn"},
	{from: d(2024, 4, 18), name: "Giỗ Tổ Hùng Vương (10/3 năm Giáp Thìn)"},
	{from: d(2024, 4, 27), to: d(2024, 5, 1), name: "Ngày Chiến thắng 30/4 và Ngày Quốc tế lao động 1/5"},
	{from: d(2024, 8, 31), to: d(2024, 9, 3), name: "Quốc khánh 2/9"},
	{from: d(2025, 1, 1), name: "Tết Dương lịch 2025"},
	{from: d(2025, 1, 25), to: d(2025, 2, 2), name: "Tết Nguyên đán Ất Tỵ"},
	{from: d(2025, 4, 7), name: "Giỗ Tổ Hùng Vương (10/3 năm Ất Tỵ)"},
	{from: d(2025, 4, 30), to: d(2025, 5, 4), name: "Ngày Chiến thắng 30/4 và Ngày Quốc tế lao động 1/5"},
	{from: d(2025, 4, 26), name: "Làm bù cho ngày thứ Sáu 02/5/2025", workday: true},
	{from: d(2025, 8, 30), to: d(2025, 9, 2), name: "Quốc khánh 2/9"},
	{from: d(2026, 1, 1), to: d(2026, 1, 4), name: "Tết Dương lịch 2026"},
	{from: d(2026, 1, 10), name: "Làm bù cho ngày thứ Sáu 02/01/2026", workday: true},
	{from: d(2026, 2, 14), to: d(2026, 2, 22), name: "Tết Nguyên đán Bính Ngọ"},
	{from: d(2026, 4, 26), to: d(2026, 4, 27), name: "Giỗ Tổ Hùng Vương (10/3 năm Bính Ngọ)"},
	{from: d(2026, 4, 30), to: d(2026, 5, 1), name: "Ngày Chiến thắng 30/4 và Ngày Quốc tế lao động 1/5"},
	{from: d(2026, 8, 29), to: d(2026, 9, 2), name: "Quốc khánh 2/9"},
	{from: d(2026, 8, 22), name: "Làm bù cho ngày thứ Hai 31/8/2026", workday: true},
}

func d(y, m, day int) schedule.Date { return schedule.D(y, timeMonth(m), day) }

// calendar is the working-day calendar of a list of days off.
func calendar(days []dayOff) *schedule.Calendar {
	var off, on []schedule.Period
	for _, h := range days {
		to := h.to
		if to.IsZero() {
			to = h.from
		}
		p := schedule.Period{Start: h.from, End: to}
		if h.workday {
			on = append(on, p)
		} else {
			off = append(off, p)
		}
	}
	return schedule.NewCalendar(off, on)
}

func holidaysFile() []byte {
	var b bytes.Buffer
	b.WriteString("# Ngày nghỉ lễ, tết và ngày làm bù (congkhai sitegen): năm 2025, 2026 như trang ví dụ; các năm trước theo thông báo, không kèm ngày làm bù.\n")
	for _, h := range holidays {
		if h.workday {
			b.WriteString("\n[[workday]]\n")
		} else {
			b.WriteString("\n[[holiday]]\n")
		}
		fmt.Fprintf(&b, "from = %s\n", h.from)
		if !h.to.IsZero() {
			fmt.Fprintf(&b, "to = %s\n", h.to)
		}
		tomltext.String(&b, "name", h.name)
	}
	return b.Bytes()
}
