package generator_test

import (
	"bytes"
	"image/png"
	"path"
	"testing"
)

// Every task, plan, petition and 766 period page has its share image beside it: a
// 1200×630 PNG.
func TestShareImages(t *testing.T) {
	files := builtFiles(t)
	site := exampleModel(t)
	var dirs []string
	for _, p := range site.Plans {
		dirs = append(dirs, "ke-hoach/"+p.ID)
		for _, task := range p.Tasks {
			dirs = append(dirs, "ke-hoach/"+p.ID+"/"+task.ID)
		}
	}
	for _, pt := range site.Petitions {
		dirs = append(dirs, "pakn/"+pt.ID)
	}
	for _, sp := range site.ScorePeriods {
		dirs = append(dirs, "chi-so-766/"+sp.ID)
	}
	for _, d := range dirs {
		data, ok := files[path.Join(d, "chia-se.png")]
		if !ok {
			t.Errorf("%s: no share image", d)
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: %v, %dx%d", d, err, cfg.Width, cfg.Height)
		}
	}
	t.Logf("%d share images", len(dirs))
}
