package opendata

import (
	"congkhai/generator/schedule"
)

// Dir is where the datasets are written, from the site root; the catalogue is data.json at
// the root, where harvesters of the Project Open Data schema look for it.
const (
	Dir         = "du-lieu/"
	CatalogPath = "data.json"
)

// Files are the paths of a dataset's downloads, from the site root.
func (d *Dataset) Files() (csvPath, jsonPath string) {
	return Dir + d.ID + ".csv", Dir + d.ID + ".json"
}

// Publisher is who publishes the catalogue, and under what licence.
type Publisher struct {
	Name    string // site.toml's publisher
	Email   string // a contact address, if the site gives one
	License string // the licence's address, if the site gives one
}

// Catalog writes data.json in the DCAT-US schema (Project Open Data metadata 1.1): every
// dataset with its title, description, keywords, licence, publisher, the day it was last
// modified (the latest date its records carry, else the latest of any dataset: never the
// build clock),
// and its CSV and JSON downloads. abs makes a site path an address: absolute with a base
// URL, else relative to the catalogue.
//
// DCAT-US rather than DCAT-AP 3 as JSON-LD: it is one flat JSON file that any program reads
// without a JSON-LD processor, and the harvesters of CKAN (which Vietnam's open data portal
// data.gov.vn runs) and of data.gov read it as it is.
func Catalog(sets []*Dataset, pub Publisher, asOf schedule.Date, abs func(string) string) []byte {
	type dist struct {
		Type        string `json:"@type"`
		DownloadURL string `json:"downloadURL"`
		MediaType   string `json:"mediaType"`
		Format      string `json:"format"`
		Title       string `json:"title"`
	}
	type contact struct {
		Type     string `json:"@type"`
		FN       string `json:"fn"`
		HasEmail string `json:"hasEmail,omitempty"`
	}
	type org struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	type dataset struct {
		Type         string   `json:"@type"`
		Identifier   string   `json:"identifier"`
		Title        string   `json:"title"`
		Description  string   `json:"description"`
		Keyword      []string `json:"keyword"`
		Modified     string   `json:"modified"`
		Publisher    org      `json:"publisher"`
		ContactPoint contact  `json:"contactPoint"`
		AccessLevel  string   `json:"accessLevel"`
		License      string   `json:"license,omitempty"`
		Language     []string `json:"language"`
		DescribedBy  string   `json:"describedBy"`
		Distribution []dist   `json:"distribution"`
	}
	// A dataset whose records carry no date (agencies, procedures) was last modified when the
	// content last was, as far as its dates tell; the as-of day only when none has any.
	latest := schedule.Date{}
	for _, d := range sets {
		if d.Modified.After(latest) {
			latest = d.Modified
		}
	}
	if latest.IsZero() {
		latest = asOf
	}
	var ds []dataset
	for _, d := range sets {
		csvPath, jsonPath := d.Files()
		modified := d.Modified
		if modified.IsZero() {
			modified = latest
		}
		email := ""
		if pub.Email != "" {
			email = "mailto:" + pub.Email
		}
		ds = append(ds, dataset{
			Type: "dcat:Dataset", Identifier: abs(jsonPath), Title: d.Title, Description: d.Description, Keyword: d.Keywords,
			Modified: modified.String(), Publisher: org{"org:Organization", pub.Name},
			ContactPoint: contact{"vcard:Contact", pub.Name, email}, AccessLevel: "public", License: pub.License,
			Language: []string{"vi"}, DescribedBy: abs(Dir + "index.html#" + d.ID),
			Distribution: []dist{
				{"dcat:Distribution", abs(csvPath), "text/csv", "CSV", d.Title + " (CSV, UTF-8)"},
				{"dcat:Distribution", abs(jsonPath), "application/json", "JSON", d.Title + " (JSON)"},
			},
		})
	}
	return marshal(struct {
		Context     string    `json:"@context"`
		Type        string    `json:"@type"`
		ConformsTo  string    `json:"conformsTo"`
		DescribedBy string    `json:"describedBy"`
		Dataset     []dataset `json:"dataset"`
	}{"https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld", "dcat:Catalog",
		"https://project-open-data.cio.gov/v1.1/schema", "https://project-open-data.cio.gov/v1.1/schema/catalog.json", ds})
}

// Records indexes the datasets' rows by the model value of the page that shows them, so
// that the JSON beside one record's page is made alone: an incremental build makes only the
// few a change touches, not all of them.
type Records map[any][]recordRow

type recordRow struct {
	set *Dataset
	row Row
}

// RecordsByPage indexes the rows of sets by their page.
func RecordsByPage(sets []*Dataset) Records {
	out := Records{}
	for _, d := range sets {
		for _, r := range d.Rows {
			out[r.Page] = append(out[r.Page], recordRow{d, r})
		}
	}
	return out
}

// JSON is the file beside the page of page: its rows of each dataset that has it (a task has
// a row per part, and its reports), keyed by dataset.
func (rs Records) JSON(page any) []byte {
	m := map[string][]map[string]any{}
	for _, r := range rs[page] {
		m[r.set.ID] = append(m[r.set.ID], r.set.Record(r.row))
	}
	return marshal(m)
}
