/* sanad command line (placeholder while the modules land). */
#include <stdio.h>

int main(void)
{
    puts("sanad " SANAD_VERSION);
    return 0;
}
