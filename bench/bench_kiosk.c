/* bench_kiosk.c: the visitor kiosk against the bare SDL2+SDL2_ttf floor,
 * measured in the same run (make bench; see BENCHMARKS.md).
 *
 *  1. cold start to first frame: wall time from fork to exit of
 *     `taama --exit-after-first-frame` and of `bench_floor`, median of runs;
 *  2. frame time while swiping through slides at 1920x1080 with the software
 *     renderer (p50, p99), and the floor's frame (one line of text) likewise;
 *  3. CPU used over 10 idle seconds, kiosk and floor (from /proc/PID/stat);
 *  4. proportional memory (PSS, /proc/PID/smaps_rollup) of the kiosk with
 *     every screen drawn once (all content, images and text cached), and of
 *     the floor.
 * All under SDL's dummy video driver, so no display is needed. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "content/content.h"
#include "core/log.h"
#include "i18n/i18n.h"
#include "render/kiosk.h"

static char taama[1024], floor_bin[1024], font[1024], data_dir[64];
static const char *video_driver = "dummy"; /* x11 on an Xvfb for the idle measure */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static pid_t spawn(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        setenv("SDL_VIDEODRIVER", video_driver, 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

/* Wall time from fork to the child's first presented frame, which it
 * reports by writing a byte to the pipe named in TAAMA_FIRST_FRAME_FD. */
static double run_wall(char *const argv[])
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    char fd[16];
    snprintf(fd, sizeof fd, "%d", p[1]);
    setenv("TAAMA_FIRST_FRAME_FD", fd, 1);
    double t0 = now_s();
    pid_t pid = spawn(argv);
    close(p[1]);
    char c;
    double t = read(p[0], &c, 1) == 1 ? now_s() - t0 : -1;
    close(p[0]);
    int st;
    waitpid(pid, &st, 0);
    unsetenv("TAAMA_FIRST_FRAME_FD");
    return t;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    int i = (int)(p * (n - 1) + 0.5);
    return v[i];
}

/* utime + stime of pid in seconds */
static double cpu_s(pid_t pid)
{
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    unsigned long ut = 0, st = 0;
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
        return -1;
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static long pss_kb(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    FILE *f = fopen(path, "r");
    long kb = -1;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "Pss: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

/* Start argv, let it settle, then measure CPU over `secs` and its PSS. */
/* SIGTERM, then SIGKILL if the child has not gone within 3 s (a bench
 * must not hang on a kiosk that misses its signal) */
static void stop(pid_t pid)
{
    kill(pid, SIGTERM);
    int st;
    for (int i = 0; i < 30; i++) {
        if (waitpid(pid, &st, WNOHANG) == pid)
            return;
        usleep(100 * 1000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
}

static void idle_measure(char *const argv[], int secs, double *cpu, long *pss)
{
    pid_t pid = spawn(argv);
    sleep(3); /* start-up and first frames are not idle */
    double c0 = cpu_s(pid);
    sleep((unsigned)secs);
    double c1 = cpu_s(pid);
    *cpu = c1 - c0;
    *pss = pss_kb(pid);
    stop(pid);
}

static double floor_frame_ms(int w, int h, int frames, double *out)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    TTF_Font *f = TTF_OpenFont(font, 40);
    SDL_Color c = {20, 20, 20, 255};
    for (int i = 0; i < frames; i++) {
        uint64_t t0 = SDL_GetPerformanceCounter();
        SDL_Surface *ts = TTF_RenderUTF8_Blended(f, "Know the risks. Know your rights.", c);
        SDL_Texture *t = SDL_CreateTextureFromSurface(r, ts);
        SDL_SetRenderDrawColor(r, 250, 246, 238, 255);
        SDL_RenderClear(r);
        SDL_RenderCopy(r, t, NULL, &(SDL_Rect){40 + i % 200, 40, ts->w, ts->h});
        SDL_RenderPresent(r);
        SDL_DestroyTexture(t);
        SDL_FreeSurface(ts);
        out[i] = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
                 (double)SDL_GetPerformanceFrequency();
    }
    TTF_CloseFont(f);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    return 0;
}

int main(void)
{
    const char *root = getenv("TAAMA_ROOT") ? getenv("TAAMA_ROOT") : ".";
    const char *build = getenv("TAAMA_BUILD") ? getenv("TAAMA_BUILD") : "build";
    snprintf(taama, sizeof taama, "%s/taama", build);
    snprintf(floor_bin, sizeof floor_bin, "%s/bench/bench_floor", build);
    snprintf(font, sizeof font, "%s/assets/fonts/NotoSans-Regular.ttf", root);
    snprintf(data_dir, sizeof data_dir, "/tmp/taama-bench-XXXXXX");
    if (!mkdtemp(data_dir))
        return 1;
    log_set_quiet(1);
    /* a kiosk without an admin PIN opens on "Set the admin PIN"; measure the
     * attract screen a visitor sees */
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "printf '2580\\n' | %s admin set-pin --pin-stdin --data %s >/dev/null",
             taama, data_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "bench: could not set a PIN; the first frame is the PIN pad\n");

    /* 1. cold start */
    enum { RUNS = 9 };
    double tk[RUNS], tf[RUNS];
    char *kargv[] = {taama, "--windowed", "1280x800", "--data", data_dir,
                     "--exit-after-first-frame", NULL};
    char *fargv[] = {floor_bin, font, "--exit-after-first-frame", NULL};
    run_wall(kargv); /* warm the page cache for both */
    run_wall(fargv);
    for (int i = 0; i < RUNS; i++) {
        tk[i] = run_wall(kargv);
        tf[i] = run_wall(fargv);
    }
    double mk = pct(tk, RUNS, 0.5), mf = pct(tf, RUNS, 0.5);

    /* 2. frame time while swiping, 1920x1080 software renderer */
    char rootbuf[1024], assets[1100], content_dir[1100], locale[1100];
    snprintf(rootbuf, sizeof rootbuf, "%s", root);
    snprintf(assets, sizeof assets, "%s/assets", rootbuf);
    snprintf(content_dir, sizeof content_dir, "%s/content", rootbuf);
    snprintf(locale, sizeof locale, "%s/locale", build);
    if (i18n_init(locale) != ERR_OK) /* the frames would be drawn in English */
        return 1;
    Err e;
    Content *c = content_load(content_dir, &e);
    if (!c)
        return 1;
    KioskOptions o;
    memset(&o, 0, sizeof o);
    o.assets_dir = assets;
    o.content_dir = content_dir;
    app_config_default(&o.cfg);
    enum { FRAMES = 600 };
    static double fk[FRAMES], ff[FRAMES];
    int n = kiosk_bench_frames(&o, c, 1920, 1080, FRAMES, fk);
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    SDL_Init(SDL_INIT_VIDEO);
    TTF_Init();
    floor_frame_ms(1920, 1080, FRAMES, ff);
    TTF_Quit();
    SDL_Quit();
    double k50 = pct(fk, n, 0.5), k99 = pct(fk, n, 0.99);
    double f50 = pct(ff, FRAMES, 0.5), f99 = pct(ff, FRAMES, 0.99);

    /* 3. PSS under the dummy driver, as on a framebuffer kiosk: after start-up
     * (all content, translations and fonts loaded, the attract screen drawn)
     * and after every screen was drawn once (caches filled to their bounds) */
    double kcpu, fcpu, unused;
    long kpss, kpss_warm, fpss;
    char *kstart[] = {taama, "--windowed", "1280x800", "--data", data_dir, NULL};
    char *kwarm[] = {taama, "--windowed", "1280x800", "--data", data_dir, "--warm", NULL};
    char *fidle[] = {floor_bin, font, "--idle", NULL};
    idle_measure(kstart, 1, &unused, &kpss);
    idle_measure(kwarm, 1, &unused, &kpss_warm);
    idle_measure(fidle, 1, &unused, &fpss);

    /* 4. idle CPU. SDL's dummy video driver polls for events every few
     * milliseconds, so idle is measured in a real X server (Xvfb) when there
     * is one, where SDL_WaitEvent truly sleeps. */
    pid_t xvfb = -1;
    const char *idle_where = "SDL dummy driver (polls: not a true idle)";
    if (access("/usr/bin/Xvfb", X_OK) == 0) {
        xvfb = fork();
        if (xvfb == 0) {
            int fd = open("/dev/null", O_WRONLY);
            if (fd >= 0) {
                dup2(fd, 1);
                dup2(fd, 2);
            }
            execl("/usr/bin/Xvfb", "Xvfb", ":97", "-screen", "0", "1280x800x24", (char *)NULL);
            _exit(127);
        }
        sleep(2);
        setenv("DISPLAY", ":97", 1);
        video_driver = "x11";
        idle_where = "Xvfb, x11 driver";
    }
    long unused_pss;
    idle_measure(kstart, 10, &kcpu, &unused_pss);
    idle_measure(fidle, 10, &fcpu, &unused_pss);

    /* 5. the renderer paths in a real X server: SDL's GL renderer (here
     * Mesa's llvmpipe, as in a VM or on a PC without a GPU driver), SDL's
     * software renderer, and what --renderer=auto picks; first frame and
     * PSS with every screen drawn, against the floor in the same server */
    static const char *const modes[] = {"auto", "software", "gpu"};
    enum { NMODES = 3, XRUNS = 5 };
    double xt[NMODES], xfloor = 0;
    long xpss[NMODES], xfpss = 0;
    if (xvfb > 0) {
        /* the floor on the same software path: without this hint SDL
         * presents a software renderer's frames through a GL texture */
        setenv("SDL_FRAMEBUFFER_ACCELERATION", "0", 1);
        double tt[XRUNS];
        for (int i = 0; i < XRUNS; i++)
            tt[i] = run_wall(fargv);
        xfloor = pct(tt, XRUNS, 0.5);
        idle_measure(fidle, 1, &unused, &xfpss);
        unsetenv("SDL_FRAMEBUFFER_ACCELERATION");
        for (int m = 0; m < NMODES; m++) {
            char opt[32];
            snprintf(opt, sizeof opt, "--renderer=%s", modes[m]);
            char *first[] = {taama, "--windowed", "1280x800", "--data", data_dir, opt,
                             "--exit-after-first-frame", NULL};
            char *warm[] = {taama, "--windowed", "1280x800", "--data", data_dir, opt, "--warm", NULL};
            run_wall(first);
            for (int i = 0; i < XRUNS; i++)
                tt[i] = run_wall(first);
            xt[m] = pct(tt, XRUNS, 0.5);
            idle_measure(warm, 2, &unused, &xpss[m]);
        }
    }
    if (xvfb > 0) {
        kill(xvfb, SIGTERM);
        int st;
        waitpid(xvfb, &st, 0);
    }
    content_free(c);

    printf("| measure | kiosk | floor | ratio | target |\n");
    printf("|---|---|---|---|---|\n");
    printf("| cold start to first frame (median of %d) | %.1f ms | %.1f ms | %.2fx | <= 2x |\n",
           RUNS, mk * 1000, mf * 1000, mk / mf);
    printf("| frame while swiping, 1920x1080 software, p50 (%d frames) | %.2f ms | %.2f ms | "
           "%.2fx | |\n",
           n, k50, f50, k50 / f50);
    printf("| frame while swiping, 1920x1080 software, p99 | %.2f ms | %.2f ms | %.2fx | < 8 ms |\n",
           k99, f99, k99 / f99);
    printf("| CPU over 10 idle seconds (attract screen, %s) | %.3f s | %.3f s | | 0 |\n",
           idle_where, kcpu, fcpu);
    printf("| PSS after start-up, all content loaded (1280x800) | %.1f MB | %.1f MB | %.2fx | "
           "<= 30 MB |\n",
           kpss / 1024.0, fpss / 1024.0, (double)kpss / (double)(fpss > 0 ? fpss : 1));
    printf("| PSS after drawing every screen once (caches at their bounds) | %.1f MB | %.1f MB | "
           "%.2fx | |\n",
           kpss_warm / 1024.0, fpss / 1024.0, (double)kpss_warm / (double)(fpss > 0 ? fpss : 1));
    if (xvfb > 0) {
        printf("\nRenderer paths under Xvfb (GL there is Mesa's software rasteriser):\n\n");
        printf("| --renderer | first frame (median of %d) | vs floor | PSS, every screen drawn | vs floor "
               "| target |\n|---|---|---|---|---|---|\n", XRUNS);
        printf("| floor (bench_floor, software) | %.1f ms | 1.00x | %.1f MB | 1.00x | |\n", xfloor * 1000,
               xfpss / 1024.0);
        for (int m = 0; m < NMODES; m++)
            printf("| %s | %.1f ms | %.2fx | %.1f MB | %.2fx | %s |\n", modes[m], xt[m] * 1000,
                   xt[m] / xfloor, xpss[m] / 1024.0, (double)xpss[m] / (double)(xfpss > 0 ? xfpss : 1),
                   m == 0 ? "default: <= 30 MB" : "");
    }
    snprintf(cmd, sizeof cmd, "rm -rf %s", data_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", data_dir);
    return 0;
}
