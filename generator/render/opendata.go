package render

import (
	"path"

	"congkhai/generator/opendata"
)

// The open data outputs: the "Dữ liệu mở" page, each dataset as CSV and JSON, the DCAT-US
// catalogue data.json, and beside each record's page its facts as index.json. The datasets
// are made once a build, on first need, from the whole model; every page and file of them
// shows the whole site on the as-of day, as the home page does, and a record's JSON shows
// what its page shows.

const dataPath = opendata.Dir + "index.html"

// recordKinds are the kinds of page that show one record, and get its JSON beside them.
var recordKinds = map[string]bool{"plan": true, "task": true, "agency": true, "procedure": true, "petition": true, "score-period": true}

// openData lists the open data outputs of the pages.
func (s *Set) openData(pages []*Page) {
	site := s.r.site
	ids := s.r.datasets()
	if len(ids) == 0 {
		return
	}
	var data *Page
	for _, pg := range pages {
		if pg.Kind == "data" {
			data = pg
		}
		if recordKinds[pg.Kind] && pg.List == nil {
			pg := pg
			s.add(&Output{Path: beside(pg.Path, "index.json"), Kind: pg.Kind + ".json", page: pg,
				make: func() []byte { return s.r.records().JSON(recordOf(pg)) }})
		}
	}
	for _, d := range ids {
		csvPath, jsonPath := d.Files()
		id := d.ID
		s.add(&Output{Path: csvPath, Kind: "data.csv", page: data, make: func() []byte { return s.r.dataset(id).CSV() }})
		s.add(&Output{Path: jsonPath, Kind: "data.json", page: data, make: func() []byte { return s.r.dataset(id).JSON() }})
	}
	s.add(&Output{Path: opendata.CatalogPath, Kind: "catalog", page: data, make: func() []byte {
		return opendata.Catalog(s.r.datasets(), s.r.publisher(), site.AsOf, s.r.absolute)
	}})
}

func recordOf(pg *Page) any {
	switch pg.Kind {
	case "plan":
		return pg.Plan
	case "task":
		return pg.Task
	case "agency":
		return pg.Agency
	case "procedure":
		return pg.Procedure
	case "petition":
		return pg.Petition
	case "score-period":
		return pg.Period
	}
	return nil
}

// datasets are the site's datasets, made once.
func (r *renderer) datasets() []*opendata.Dataset {
	r.dataOnce.Do(func() {
		r.data = opendata.Datasets(r.site, pathOf)
		r.recordJSON = opendata.RecordsByPage(r.data)
	})
	return r.data
}

func (r *renderer) dataset(id string) *opendata.Dataset {
	for _, d := range r.datasets() {
		if d.ID == id {
			return d
		}
	}
	return nil
}

func (r *renderer) records() opendata.Records {
	r.datasets()
	return r.recordJSON
}

// Datasets are the datasets the "Dữ liệu mở" page describes.
func (pg *Page) Datasets() []*opendata.Dataset { return pg.r.datasets() }

// DataFiles are the links to a dataset's downloads.
func (pg *Page) DataFiles(d *opendata.Dataset) []string {
	c, j := d.Files()
	return []string{pg.link(c), pg.link(j)}
}

// publisher is who publishes the catalogue.
func (r *renderer) publisher() opendata.Publisher {
	return opendata.Publisher{Name: r.site.Publisher, Email: r.site.ContactEmail, License: r.site.License}
}

// absolute is the address of a site path: absolute under the base URL, else relative to the
// site root (where data.json is).
func (r *renderer) absolute(p string) string {
	if r.baseURL == "" {
		return p
	}
	return r.baseURL + "/" + path.Clean(p)
}
