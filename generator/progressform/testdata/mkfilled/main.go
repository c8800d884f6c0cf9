// mkfilled writes the form of an-giang/so-tu-phap for Quý IV/2026, as of 06/12/2026,
// filled as a clerk fills it by hand (a status typed without "Đã" in lower case, "100%" and
// dates typed as text, a real date cell), to be opened and saved by LibreOffice into the
// fixture libreoffice-filled.xlsx. See ../README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/xuri/excelize/v2"

	"congkhai/generator"
	"congkhai/generator/progressform"
	"congkhai/generator/schedule"
)

func main() {
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(contentDir, out string) error {
	asOf := schedule.D(2026, time.December, 6)
	site, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS(contentDir), AsOf: asOf})
	if err != nil {
		return err
	}
	forms, err := progressform.Forms(site, progressform.Selection{Agencies: []string{"an-giang/so-tu-phap"}, Period: progressform.QuarterOf(asOf)})
	if err != nil {
		return err
	}
	data, err := forms[0].Workbook()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		return err
	}
	for _, c := range []struct {
		sheet, cell string
		v           any
	}{
		{"Chủ trì", "I5", "hoàn thành"},
		{"Chủ trì", "J5", "100%"},
		{"Chủ trì", "K5", "5/11/2026"},
		{"Chủ trì", "L5", "2026-11-01"},
		{"Chủ trì", "M5", "Đã hoàn thành việc rà soát, trình công bố."},
		{"Phối hợp", "I5", "Đang thực hiện"},
		{"Phối hợp", "J5", 30},
		{"Phối hợp", "K5", time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)},
		{"Phối hợp", "M5", "Đã góp ý dự thảo."},
	} {
		if err := x.SetCellValue(c.sheet, c.cell, c.v); err != nil {
			return err
		}
	}
	return x.Save()
}
