package generator_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"congkhai/generator"
	"congkhai/generator/publish"
	"congkhai/generator/render"
	"congkhai/static"
	"congkhai/templates"
)

// One output is rendered by its path, as a preview server or a test asks for it, and comes
// out as the file a whole build publishes.
func TestRenderOneOutputByPath(t *testing.T) {
	dir, err := exampleSite()
	if err != nil {
		t.Fatal(err)
	}
	site, err := generator.Check(context.Background(), generator.Options{Content: os.DirFS("../content"), AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	set, err := render.NewSet(site, render.Options{Templates: templates.FS, Static: static.FS})
	if err != nil {
		t.Fatal(err)
	}
	if set.Lookup("khong-co/index.html") != nil {
		t.Error("a path the site does not have has an output")
	}
	for _, p := range []string{"index.html", "ke-hoach/vinh-linh-2024-kiem-soat-tthc/index.html", "co-quan/index.html", "thu-tuc/trang-2/index.html"} {
		o := set.Lookup(p)
		if o == nil {
			t.Errorf("no output at %s", p)
			continue
		}
		f, err := set.Render(o)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		if _, err := publish.Write(out, []publish.File{{Path: f.Path, Data: f.Data, Raw: f.Compact}}); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(filepath.Join(out, p))
		want, _ := os.ReadFile(filepath.Join(dir, p))
		if len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("%s rendered alone (%d bytes) differs from the built site's (%d bytes)", p, len(got), len(want))
		}
	}
}
