/*
 * afmpeg multi-call entry point: one wasm module carries both fftools.
 *
 * ffmpeg and ffprobe share almost all their code (the libav* libraries), so one module holding
 * both is about half the size of two. `main` dispatches on the basename of argv[0]: "ffprobe"
 * runs ffprobe, anything else runs ffmpeg. ffprobe's objects are compiled with every global
 * they define renamed to ffprobe_* (build/steps/ffmpeg-link.sh generates that header), so
 * the two tools' copies of cmdutils/opt_common and program_name do not clash.
 *
 * Also defined here, because the core module must provide them to the component world:
 *  - afmpeg_report_exit_code(): called by the fftools exit path (build/patches/ffmpeg/0002)
 *    and by main below; forwards to the host import afmpeg:ffmpeg/exit-status.set-exit-code.
 *  - the working directory: wasi-libc starts every program at "/" and has no way to inherit the
 *    host's notion of a cwd, so main changes to $PWD, which the engine sets from its `cwd` option.
 *  - cabi_realloc: the canonical-ABI allocator. Without it the preview1 adapter grows memory
 *    behind malloc's back with this wasi-libc and traps on real workloads.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int ffmpeg_main(int argc, char **argv);
int ffprobe_main(int argc, char **argv);

__attribute__((import_module("afmpeg:ffmpeg/exit-status@0.1.0"), import_name("set-exit-code")))
extern void afmpeg_host_set_exit_code(int32_t code);

void afmpeg_report_exit_code(int code)
{
    afmpeg_host_set_exit_code(code);
}

__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *ptr, size_t old_size, size_t align, size_t new_size)
{
    (void)old_size;
    (void)align; /* malloc's 16-byte alignment covers every canonical-ABI type */
    if (new_size == 0)
        return (void *)align;
    return realloc(ptr, new_size);
}

static const char *tool_name(const char *argv0)
{
    const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
    return slash ? slash + 1 : (argv0 ? argv0 : "");
}

int main(int argc, char **argv)
{
    const char *pwd = getenv("PWD");
    if (pwd && *pwd && chdir(pwd) != 0) {
        fprintf(stderr, "%s: working directory not found\n", pwd);
        afmpeg_report_exit_code(1);
        return 1;
    }
    const char *tool = tool_name(argc > 0 ? argv[0] : NULL);
    int ret = (strcmp(tool, "ffprobe") == 0 || strcmp(tool, "ffprobe.wasm") == 0)
                  ? ffprobe_main(argc, argv)
                  : ffmpeg_main(argc, argv);
    afmpeg_report_exit_code(ret);
    return ret;
}
