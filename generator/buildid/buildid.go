// Package buildid identifies the running congkhai: what a build keeps from an earlier one
// (the input hashes of the published files, the cache of decoded content) holds only for
// the program that made it.
package buildid

import (
	"hash/fnv"
	"io"
	"os"
	"sync"
)

// Program is a hash of the running executable's bytes: any new congkhai, or a congkhai
// built with other templates compiled in, has another.
var Program = sync.OnceValue(func() uint64 {
	h := fnv.New64a()
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	return h.Sum64()
})
