package progressform_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"congkhai/generator"
	"congkhai/generator/progressform"
)

// FuzzReadCells fills the cells a clerk fills with anything and reads the form back: the
// reader never panics, and what it accepts is in range.
func FuzzReadCells(f *testing.F) {
	s, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS("../../content"), AsOf: asOf})
	if err != nil {
		f.Fatal(err)
	}
	forms, err := progressform.Forms(s, progressform.Selection{Agencies: []string{"an-giang/so-tu-phap"}, Period: progressform.QuarterOf(asOf)})
	if err != nil {
		f.Fatal(err)
	}
	blank, err := forms[0].Workbook()
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range [][5]string{
		{"Đang thực hiện", "50%", "15/3/2026", "", ""},
		{"hoan thanh", "100", "2026-11-05", "1/11/2026", "https://x.gov.vn/a"},
		{"Báo cáo kỳ", "0.5", "46000", "", ""},
		{"", "", "", "", ""},
		{"DONE", "-1", "31/02/2026", "99999", "javascript:alert(1)"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4])
	}
	f.Fuzz(func(t *testing.T, state, percent, date, completed, link string) {
		x, err := excelize.OpenReader(bytes.NewReader(blank))
		if err != nil {
			t.Fatal(err)
		}
		for cell, v := range map[string]string{"I5": state, "J5": percent, "K5": date, "L5": completed, "Q5": link} {
			if err := x.SetCellStr("Chủ trì", cell, v); err != nil {
				return // a value excelize refuses to store
			}
		}
		buf, err := x.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		entries, errs := progressform.Read("f.xlsx", buf.Bytes(), s)
		if len(errs) > 0 && entries != nil {
			t.Fatalf("entries returned with problems: %v", errs)
		}
		for _, e := range entries {
			if e.Percent != nil && (*e.Percent < 0 || *e.Percent > 100) {
				t.Errorf("percent %d accepted", *e.Percent)
			}
			if e.Date.IsZero() || e.Date.After(asOf) || !e.Date.Valid() {
				t.Errorf("date %v accepted", e.Date)
			}
			if !e.Completed.IsZero() && e.Completed.After(e.Date) {
				t.Errorf("completed %v after %v accepted", e.Completed, e.Date)
			}
		}
	})
}
