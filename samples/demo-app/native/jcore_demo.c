/* Demo-only native library for the auditor test fixture (our own code, no vendor code).
 * Exports the JNI symbol an SDK detector would look for next to cn.jpush.android.service.PushService.
 * Built without libc so it stays tiny: gcc -shared -fPIC -nostdlib (see ../build.sh). */

typedef int jint;
typedef void *JNIEnv_p, *jclass, *jobject;

#define JNIEXPORT __attribute__((visibility("default")))
#define JNI_VERSION_1_6 0x00010006

JNIEXPORT jint JNI_OnLoad(void *vm, void *reserved) {
    (void)vm;
    (void)reserved;
    return JNI_VERSION_1_6;
}

/* static native int init(Context ctx) */
JNIEXPORT jint Java_cn_jpush_android_service_PushService_init(JNIEnv_p env, jclass clazz, jobject ctx) {
    (void)env;
    (void)clazz;
    (void)ctx;
    return 322;
}
