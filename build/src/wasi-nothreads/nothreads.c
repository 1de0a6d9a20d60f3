/*
 * afmpeg: single-threaded definitions behind build/src/wasi-nothreads/pthread.h and the sem_*
 * functions wasi-libc declares but does not define. Linked with openh264 (lgpl) and dav1d (broad
 * variants).
 * Locks and signals succeed and do nothing (there is no other thread to exclude or wake); anything
 * that would have to block or start a thread fails instead of hanging.
 */
#include <errno.h>
#include <semaphore.h>
#include "pthread.h"

int pthread_attr_init(pthread_attr_t *attr) { (void)attr; return 0; }
int pthread_attr_destroy(pthread_attr_t *attr) { (void)attr; return 0; }
int pthread_attr_setscope(pthread_attr_t *attr, int scope) { (void)attr; (void)scope; return 0; }
int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy) { (void)attr; (void)policy; return 0; }
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size) { (void)attr; (void)size; return 0; }
int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*routine)(void *), void *arg)
{
    (void)thread; (void)attr; (void)routine; (void)arg;
    return EAGAIN;
}
int pthread_join(pthread_t thread, void **result) { (void)thread; (void)result; return ESRCH; }
pthread_t pthread_self(void) { return (pthread_t)0; }
int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr) { (void)mutex; (void)attr; return 0; }
int pthread_mutex_destroy(pthread_mutex_t *mutex) { (void)mutex; return 0; }
int pthread_mutex_lock(pthread_mutex_t *mutex) { (void)mutex; return 0; }
int pthread_mutex_unlock(pthread_mutex_t *mutex) { (void)mutex; return 0; }
int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr) { (void)cond; (void)attr; return 0; }
int pthread_cond_destroy(pthread_cond_t *cond) { (void)cond; return 0; }
int pthread_cond_signal(pthread_cond_t *cond) { (void)cond; return 0; }
int pthread_cond_broadcast(pthread_cond_t *cond) { (void)cond; return 0; }
int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex) { (void)cond; (void)mutex; return EDEADLK; }
int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *abstime)
{
    (void)cond; (void)mutex; (void)abstime;
    return ETIMEDOUT;
}

/* One thread: the first caller runs the routine, nobody can be racing it. */
int pthread_once(pthread_once_t *once, void (*routine)(void))
{
    if (*once == PTHREAD_ONCE_INIT) { *once = 1; routine(); }
    return 0;
}

/* A counting semaphore that nobody else can post: waiting on zero would wait forever. */
int sem_init(sem_t *sem, int pshared, unsigned value) { (void)pshared; sem->__val[0] = (int)value; return 0; }
int sem_destroy(sem_t *sem) { (void)sem; return 0; }
int sem_post(sem_t *sem) { sem->__val[0]++; return 0; }
int sem_getvalue(sem_t *restrict sem, int *restrict value) { *value = sem->__val[0]; return 0; }
int sem_trywait(sem_t *sem)
{
    if (sem->__val[0] > 0) { sem->__val[0]--; return 0; }
    errno = EAGAIN;
    return -1;
}
int sem_wait(sem_t *sem)
{
    if (sem_trywait(sem) == 0) return 0;
    errno = EDEADLK;
    return -1;
}
int sem_timedwait(sem_t *restrict sem, const struct timespec *restrict abstime)
{
    (void)abstime;
    if (sem_trywait(sem) == 0) return 0;
    errno = ETIMEDOUT;
    return -1;
}
