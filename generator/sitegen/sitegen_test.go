package sitegen_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"congkhai/generator"
	"congkhai/generator/sitegen"
)

// excerpt writes the first n records of the national procedure file into a temporary
// file, so that the tests import a few hundred procedures, not 2,642.
func excerpt(t *testing.T, n int) string {
	t.Helper()
	f, err := os.Open("../../testdata/tthc/national-procedures.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		out.Write(sc.Bytes())
		out.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "national.jsonl")
	if err := os.WriteFile(name, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// files reads every file under dir.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A small generated site has every kind of record, is accepted by check, builds into about
// the pages asked for (the estimate Stats.Pages, as the build lays pages out), and the same
// options give the same files.
func TestSmallSiteBuilds(t *testing.T) {
	// 150 real procedures, fewer than the site needs: copies with other codes are made too.
	opts := sitegen.Options{Pages: 600, Seed: 7, National: excerpt(t, 150)}
	dir := filepath.Join(t.TempDir(), "content")
	st, err := sitegen.Write(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", st)
	for _, c := range []struct {
		what string
		n    int
	}{{"plans", st.Plans}, {"tasks", st.Tasks}, {"reports", st.Reports}, {"agencies", st.Agencies},
		{"procedures", st.Procedures}, {"copied procedures", st.Copies}, {"petitions", st.Petitions},
		{"766 periods", st.ScorePeriods}} {
		if c.n == 0 {
			t.Errorf("no %s generated", c.what)
		}
	}
	got := files(t, dir)
	if len(got) != st.Files {
		t.Errorf("%d files on disk, Stats.Files = %d", len(got), st.Files)
	}
	res, err := generator.Build(context.Background(), generator.Options{Content: os.DirFS(dir), Out: filepath.Join(t.TempDir(), "public"), AsOf: sitegen.DefaultAsOf})
	if err != nil {
		t.Fatalf("the generated site does not build: %v", err)
	}
	if len(res.Site.Warnings) > 0 {
		t.Logf("%d warnings, the first: %v", len(res.Site.Warnings), res.Site.Warnings[0])
	}
	if diff := res.Stats.Pages - st.Pages; diff*20 > st.Pages || -diff*20 > st.Pages {
		t.Errorf("the build made %d pages, sitegen estimated %d (asked %d): the estimate is off by more than 5 %%", res.Stats.Pages, st.Pages, opts.Pages)
	}

	again := filepath.Join(t.TempDir(), "content")
	if _, err := sitegen.Write(again, opts); err != nil {
		t.Fatal(err)
	}
	second := files(t, again)
	for name, data := range got {
		if !bytes.Equal(second[name], data) {
			t.Errorf("%s differs between two sites of the same options", name)
		}
	}
	if len(second) != len(got) {
		t.Errorf("two sites of the same options have %d and %d files", len(got), len(second))
	}

	// Petitions for an existing folder: the first ones of a seed do not depend on how many
	// are asked for.
	few, err := sitegen.Petitions(dir, 10, 3, sitegen.DefaultAsOf)
	if err != nil {
		t.Fatal(err)
	}
	more, err := sitegen.Petitions(dir, 30, 3, sitegen.DefaultAsOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(few) != 10 || len(more) != 30 {
		t.Fatalf("asked 10 and 30 petitions, got %d and %d", len(few), len(more))
	}
	in := map[string]bool{}
	for _, data := range more {
		in[string(data)] = true
	}
	for name, data := range few {
		if !in[string(data)] {
			t.Errorf("petition %s of 10 is not among the 30 of the same seed", name)
		}
	}
}

// A site of several provinces (each with its registry, plans, 766 results, a share of the
// procedures, petitions) and a national ranking passes check.
func TestProvincesCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("checks a site of about 4,500 pages")
	}
	dir := filepath.Join(t.TempDir(), "content")
	st, err := sitegen.Write(dir, sitegen.Options{Pages: 4500, Seed: 2, National: excerpt(t, 300)})
	if err != nil {
		t.Fatal(err)
	}
	if st.Authorities != 2 {
		t.Errorf("%d provinces for 4,500 pages, want 2", st.Authorities)
	}
	if _, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS(dir), AsOf: sitegen.DefaultAsOf}); err != nil {
		t.Fatal(err)
	}
}

func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{{"example", sitegen.ExamplePages}, {"10k", 10000}, {"100k", 100000}, {"25000", 25000}, {"25k", 25000},
		{"", 0}, {"0", 0}, {"-5", 0}, {"big", 0}, {"k", 0}} {
		got, err := sitegen.ParseSize(c.in)
		if c.want == 0 && err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", c.in, got)
		}
		if c.want != 0 && (err != nil || got != c.want) {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}
