package sitegen

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"congkhai/generator/schedule"
)

// Petitions returns n illustrative petitions for an existing content folder, by file name
// under pakn/ (2025-0001.toml, …): about the procedures of its thu-tuc/ carried out in
// provinces and communes, sent to the registry agency that handles them, received on the
// working days of its ngay-nghi.toml from the 2025 reorganisation (when the communes of the
// registries came to be) to the day before asOf. A province receives petitions when its
// registry has the departments the fields of procedures lead to, the public service centre
// (trung-tam-pvhcc) and communes (level xa). It reads only the content's files, in their
// format. The same folder, n, seed and day give the same files, and the first n petitions
// of a seed are the same whatever n.
func Petitions(dir string, n int, seed uint64, asOf schedule.Date) (map[string][]byte, error) {
	byRef := map[string]*agency{}
	var provs []*petitionProvince
	registries, err := filepath.Glob(filepath.Join(dir, "agencies", "*.toml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(registries)
	for _, name := range registries {
		var f struct {
			Authority struct {
				Name  string `toml:"name"`
				Level string `toml:"level"`
			} `toml:"authority"`
			Agencies []struct {
				ID         string   `toml:"id"`
				Name       string   `toml:"name"`
				ShortNames []string `toml:"short_names"`
				Kind       string   `toml:"kind"`
				Level      string   `toml:"level"`
				Successor  string   `toml:"successor"`
			} `toml:"agency"`
		}
		if _, err := toml.DecodeFile(name, &f); err != nil {
			return nil, err
		}
		auth := strings.TrimSuffix(filepath.Base(name), ".toml")
		prov := &petitionProvince{id: auth, place: lowerFirst(f.Authority.Name)}
		for _, a := range f.Agencies {
			ag := &agency{Authority: auth, ID: a.ID, Name: a.Name, ShortNames: a.ShortNames, Group: a.Kind == "group", Level: a.Level, Successor: a.Successor}
			byRef[ag.Ref()] = ag
			if ag.Level == "xa" && !ag.Group && ag.current() {
				prov.wards = append(prov.wards, ag)
			}
		}
		complete := len(prov.wards) > 0
		for _, id := range petitionAgencies() {
			if a := byRef[auth+"/"+id]; a == nil || !a.current() {
				complete = false
			}
		}
		if complete {
			provs = append(provs, prov)
		}
	}
	index := map[string]int{}
	for i, p := range provs {
		index[p.id] = i
	}
	procedures, err := filepath.Glob(filepath.Join(dir, "thu-tuc", "*.toml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(procedures)
	var procs []*procInfo
	for _, name := range procedures {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		p, err := readProcedure(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, a := range p.Agencies {
			auth, _, _ := strings.Cut(a.Ref, "/")
			if i, ok := index[auth]; ok {
				p.prov = i
				break
			}
		}
		procs = append(procs, p)
	}
	days, err := readHolidays(filepath.Join(dir, "ngay-nghi.toml"))
	if err != nil {
		return nil, err
	}
	w, err := newPetitionWorld(provs, procs, byRef, calendar(days), reorgDate, asOf)
	if err != nil {
		return nil, err
	}
	ps := make([]*petition, n)
	for i := range ps {
		ps[i] = w.petition(seed, i)
	}
	return petitionFiles(ps), nil
}

// readHolidays reads a content folder's ngay-nghi.toml; a missing one has no day off.
func readHolidays(name string) ([]dayOff, error) {
	var f struct {
		Holidays []struct {
			From time.Time `toml:"from"`
			To   time.Time `toml:"to"`
		} `toml:"holiday"`
		Workdays []struct {
			From time.Time `toml:"from"`
			To   time.Time `toml:"to"`
		} `toml:"workday"`
	}
	if _, err := toml.DecodeFile(name, &f); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var out []dayOff
	add := func(from, to time.Time, workday bool) {
		h := dayOff{from: schedule.FromTime(from), workday: workday}
		if !to.IsZero() {
			h.to = schedule.FromTime(to)
		}
		out = append(out, h)
	}
	for _, h := range f.Holidays {
		add(h.From, h.To, false)
	}
	for _, h := range f.Workdays {
		add(h.From, h.To, true)
	}
	return out, nil
}
