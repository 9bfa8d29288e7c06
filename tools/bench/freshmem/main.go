//go:build linux

// Command freshmem times how long this machine takes to hand a process
// memory it has not touched before: it maps 128 MB, touches a byte of
// every 4 kB page, and prints the time, for pages of 4 kB and for huge
// pages of 2 MB (madvise MADV_HUGEPAGE), each right after the last run and
// after a pause.
//
//	go run ./tools/bench/freshmem [-pause 4s] [-runs 3]
//
// On a virtual machine whose balloon device reports free memory to its
// host (virtio's free page reporting, which Linux does for memory free for
// about two seconds), memory touched after a pause is memory the host must
// back again, and costs many times what memory freed a moment ago does.
// That is what makes the fresh memory a build touches cost more than its
// work here: see "Fresh memory after a pause" in docs/speed.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

const size = 128 << 20

func main() {
	pause := flag.Duration("pause", 4*time.Second, "how long to wait before each run after a pause")
	runs := flag.Int("runs", 3, "runs of each kind")
	huge := flag.Bool("huge", false, "touch once, with huge pages (what each run does)")
	small := flag.Bool("small", false, "touch once, with 4 kB pages (what each run does)")
	flag.Parse()
	if *huge || *small {
		d, err := touch(*huge)
		if err != nil {
			fmt.Fprintln(os.Stderr, "freshmem:", err)
			os.Exit(1)
		}
		fmt.Println(d.Round(100 * time.Microsecond))
		return
	}
	for _, kind := range []string{"-small", "-huge"} {
		for _, wait := range []time.Duration{0, *pause} {
			fmt.Printf("128 MB, %s pages, ", map[string]string{"-small": "4 kB", "-huge": "2 MB"}[kind])
			if wait == 0 {
				fmt.Print("one run right after another:")
			} else {
				fmt.Printf("each run after %s:", wait)
			}
			for range *runs {
				time.Sleep(wait)
				// A process of its own each time, as a build is: memory
				// this one freed would otherwise be reused.
				out, err := exec.Command(os.Args[0], kind).Output()
				if err != nil {
					fmt.Fprintln(os.Stderr, "\nfreshmem:", err)
					os.Exit(1)
				}
				fmt.Printf(" %s", out[:len(out)-1])
			}
			fmt.Println()
		}
	}
}

// touch maps fresh memory and writes a byte of each 4 kB page of it.
func touch(huge bool) (time.Duration, error) {
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return 0, err
	}
	if huge {
		if err := syscall.Madvise(b, syscall.MADV_HUGEPAGE); err != nil {
			return 0, err
		}
	}
	start := time.Now()
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	return time.Since(start), nil
}
