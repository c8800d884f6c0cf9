//go:build !linux

package main

import (
	"os"
	"syscall"
)

func dieWithParent() *syscall.SysProcAttr { return nil }

// maxRSS is not measured here: only Linux's rusage is known to this program.
func maxRSS(*os.ProcessState) int64 { return 0 }

func signaled(*os.ProcessState) int { return 0 }
