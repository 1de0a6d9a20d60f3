/*
 * afmpeg: a single-threaded stand-in for <pthread.h>, used only to compile openh264.
 *
 * Why: Debian 12's wasi-libc (2022) has no <pthread.h>, and a WASI component has no threads,
 * but openh264's thread layer (WelsThreadLib) is written against pthreads and POSIX semaphores.
 * Here mutexes and condition variables do nothing and pthread_create() fails with EAGAIN.
 * openh264 never reaches them at run time: it is told it has one CPU
 * (build/patches/openh264/0001) and FFmpeg asks it for one thread, so it encodes on the
 * caller's thread. nothreads.c defines these functions and the sem_* ones wasi-libc declares.
 *
 * dav1d (the broad variants' AV1 decoder) compiles against it too: it is built to run on one
 * thread (build/patches/dav1d/0002), but its context setup still calls pthread_once,
 * pthread_attr_setstacksize and, in code for more than one thread, pthread_cond_broadcast:
 * those three (and pthread_once_t) are dav1d's additions here.
 */
#ifndef AFMPEG_WASI_NOTHREADS_PTHREAD_H
#define AFMPEG_WASI_NOTHREADS_PTHREAD_H

#include <time.h>

#define __NEED_pthread_t
#define __NEED_pthread_attr_t
#define __NEED_pthread_mutex_t
#define __NEED_pthread_mutexattr_t
#define __NEED_pthread_cond_t
#define __NEED_pthread_condattr_t
#define __NEED_pthread_once_t
#include <bits/alltypes.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PTHREAD_SCOPE_SYSTEM 0
#define PTHREAD_ONCE_INIT 0
#ifndef SCHED_FIFO
#define SCHED_FIFO 1
#endif

int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_setscope(pthread_attr_t *attr, int scope);
int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*routine)(void *), void *arg);
int pthread_join(pthread_t thread, void **result);
pthread_t pthread_self(void);
int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *mutex);
int pthread_mutex_lock(pthread_mutex_t *mutex);
int pthread_mutex_unlock(pthread_mutex_t *mutex);
int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr);
int pthread_cond_destroy(pthread_cond_t *cond);
int pthread_cond_signal(pthread_cond_t *cond);
int pthread_cond_broadcast(pthread_cond_t *cond);
int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex);
int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *abstime);
int pthread_once(pthread_once_t *once, void (*routine)(void));

#ifdef __cplusplus
}
#endif
#endif
