package outdir

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"unsafe"

	"golang.org/x/sys/unix"
)

// walkBelow calls visit for every entry below dir, depth first, with its
// slash-separated path below dir and its type; visit's fs.SkipDir keeps
// the walk out of that entry. It follows no link: each folder is opened
// from its parent's descriptor without following one, and its entries are
// read in bulk, with the type the folder gives each, unsorted: 21 % less
// time than filepath.WalkDir (BenchmarkCheckContents, benchstat n=8). The
// rest is the kernel's, four system calls a folder.
//
// seen, when not nil, is given each folder's stamp (the top's as ".") as
// the folder is opened, before its entries are visited.
//
// rec, when not nil, is what an earlier look found below dir: a folder
// below the top whose stamp vouches for what rec says it held (see
// record.vouches) is not read again, and one holding files only is not
// even opened, one fstatat instead of four calls. Its entries are visited
// as rec has them, so visit judges them as it would have read them.
func walkBelow(dir string, visit func(rel string, typ fs.FileMode) error, seen func(rel string, st folderStamp), rec *record) error {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	w := &walker{dir: dir, visit: visit, seen: seen, rec: rec, buf: make([]byte, 16<<10)}
	var top *tree
	if rec != nil {
		top = rec.tree
	}
	// The top is always read: the swap's renames give it a new time.
	return w.folder(fd, ".", top, false)
}

type walker struct {
	dir   string
	visit func(rel string, typ fs.FileMode) error
	seen  func(rel string, st folderStamp)
	rec   *record
	buf   []byte // for getdents, shared: a folder's entries are read whole before its folders are walked
}

type entry struct {
	name string
	typ  uint8
}

// folder walks the folder open as fd, rel below the walk's, and closes it.
// known is what the record says the folder held (nil when it says
// nothing); when trusted, its stamp has vouched for that, and the entries
// are taken from known instead of read.
func (w *walker) folder(fd int, rel string, known *tree, trusted bool) error {
	var entries []entry
	if trusted {
		if w.seen != nil {
			w.seen(rel, known.stamp)
		}
		entries = recorded(known)
	} else {
		if w.seen != nil {
			// Before the entries are read: a change after this look moves
			// the time it gives.
			var st unix.Stat_t
			if err := unix.Fstat(fd, &st); err != nil {
				unix.Close(fd)
				return &fs.PathError{Op: "fstat", Path: filepath.Join(w.dir, rel), Err: err}
			}
			w.seen(rel, stampOf(&st))
		}
		var err error
		if entries, err = w.read(fd); err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "readdirent", Path: filepath.Join(w.dir, rel), Err: err}
		}
	}
	defer unix.Close(fd)
	var subs map[string]*tree // what the record says of the folders read here
	if !trusted {
		subs = known.folders()
	}
	for i, e := range entries {
		p := below(rel, e.name)
		typ, err := typeOf(fd, e)
		if err != nil {
			return &fs.PathError{Op: "lstat", Path: filepath.Join(w.dir, p), Err: err}
		}
		switch err := w.visit(p, typ); {
		case err == fs.SkipDir:
			continue
		case err != nil:
			return err
		}
		if !typ.IsDir() {
			continue
		}
		var sub *tree
		if trusted {
			sub = known.dirs[i-len(known.files)].tree // recorded lists the files first
		} else {
			sub = subs[e.name]
		}
		vouched := sub != nil && w.vouched(fd, e.name, sub)
		if vouched && len(sub.dirs) == 0 {
			if err := w.files(p, sub); err != nil {
				return err
			}
			continue
		}
		subFd, err := unix.Openat(fd, e.name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != nil {
			return &fs.PathError{Op: "open", Path: filepath.Join(w.dir, p), Err: err}
		}
		if err := w.folder(subFd, p, sub, vouched); err != nil {
			return err
		}
	}
	return nil
}

// vouched reports whether the folder name, in the folder open as fd, has
// the stamp the record gives it, old enough to vouch for what it held.
func (w *walker) vouched(fd int, name string, known *tree) bool {
	var st unix.Stat_t
	if unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) != nil || st.Mode&unix.S_IFMT != unix.S_IFDIR {
		return false
	}
	return w.rec.vouches(known, stampOf(&st))
}

// files visits the files of rel, a folder of files only whose stamp has
// vouched for what the record says it held.
func (w *walker) files(rel string, known *tree) error {
	if w.seen != nil {
		w.seen(rel, known.stamp)
	}
	for _, name := range known.files {
		if err := w.visit(below(rel, name), 0); err != nil && err != fs.SkipDir {
			return err
		}
	}
	return nil
}

// recorded is the entries of the folder known describes, files first.
func recorded(known *tree) []entry {
	entries := make([]entry, 0, len(known.files)+len(known.dirs))
	for _, f := range known.files {
		entries = append(entries, entry{name: f, typ: unix.DT_REG})
	}
	for _, d := range known.dirs {
		entries = append(entries, entry{name: d.name, typ: unix.DT_DIR})
	}
	return entries
}

// read returns the entries of the folder open as fd, but . and ..
func (w *walker) read(fd int) ([]entry, error) {
	var out []entry
	for {
		n, err := unix.Getdents(fd, w.buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return out, nil
		}
		// struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name.
		for b := w.buf[:n]; len(b) >= 19; {
			reclen := int(*(*uint16)(unsafe.Pointer(&b[16])))
			if reclen < 19 || reclen > len(b) {
				break
			}
			name := b[19:reclen]
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			if s := string(name); s != "." && s != ".." {
				out = append(out, entry{name: s, typ: b[18]})
			}
			b = b[reclen:]
		}
	}
}

// typeOf is the type of the entry e of the folder open as fd: as the
// folder gives it, or, where the file system does not say, as lstat does
// (a d_type is the file's S_IFMT bits shifted down by 12).
func typeOf(fd int, e entry) (fs.FileMode, error) {
	typ := e.typ
	if typ == unix.DT_UNKNOWN {
		var st unix.Stat_t
		if err := unix.Fstatat(fd, e.name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			return 0, err
		}
		typ = uint8((st.Mode & unix.S_IFMT) >> 12)
	}
	switch typ {
	case unix.DT_DIR:
		return fs.ModeDir, nil
	case unix.DT_REG:
		return 0, nil
	case unix.DT_LNK:
		return fs.ModeSymlink, nil
	case unix.DT_FIFO:
		return fs.ModeNamedPipe, nil
	case unix.DT_SOCK:
		return fs.ModeSocket, nil
	case unix.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, nil
	case unix.DT_BLK:
		return fs.ModeDevice, nil
	}
	return fs.ModeIrregular, nil
}

func stampOf(st *unix.Stat_t) folderStamp {
	return folderStamp{Ino: uint64(st.Ino), Ctime: int64(st.Ctim.Sec)*1e9 + int64(st.Ctim.Nsec)}
}

// stampsFolders is true where walkBelow stamps the folders it opens.
const stampsFolders = true

// lstatFolder is the stamp of the folder p, not through a link; ok is
// false for anything else.
func lstatFolder(p string) (st folderStamp, ok bool) {
	var s unix.Stat_t
	if unix.Lstat(p, &s) != nil || s.Mode&unix.S_IFMT != unix.S_IFDIR {
		return folderStamp{}, false
	}
	return stampOf(&s), true
}

// timeWindow is how close to a walk a folder's change time must not be
// for its stamp to be trusted: within one tick of the file system's
// clock, a later change can give the same time. The file systems named
// keep nanoseconds, and Linux's clock ticks at least every 10 ms; any
// other may keep seconds, or two (FAT).
func timeWindow(dir string) int64 {
	var fs unix.Statfs_t
	if unix.Statfs(dir, &fs) == nil {
		switch uint32(fs.Type) {
		case unix.TMPFS_MAGIC, unix.EXT4_SUPER_MAGIC, unix.XFS_SUPER_MAGIC, unix.BTRFS_SUPER_MAGIC:
			return 20e6
		}
	}
	return 2e9
}
