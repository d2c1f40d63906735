/* A stand-in for Windows' bcryptprimitives.dll, for running the Windows build's tests under
 * Wine 8, which lacks it. Rust's standard library imports ProcessPrng from it (Windows 10 and
 * later have it); here it is served by RtlGenRandom (advapi32's SystemFunction036). Never
 * shipped: real Windows has the DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
