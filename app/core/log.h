/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

//* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

:/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

j/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

y/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

y/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

v/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

p/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

x/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

y/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

"/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

</* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

3/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

>/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

"/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

"/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

</* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

4/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

>/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

"/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

"/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

</* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

6/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

>/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

"/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

T/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

M/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

P/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

E/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

F/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

I/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

X/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

J/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

U/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

S/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

T/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

E/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

M/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

T/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

k/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

p/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

x/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

j/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

v/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

//* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

P/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

P/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

C/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

E/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

H/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

P/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

P/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

C/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

E/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

H/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

</* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

>/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

y/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

p/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

{/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

E/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

=/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

3/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

W/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

=/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

4/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

I/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

F/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

=/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

6/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

D/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

E/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

B/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

U/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

=/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

7/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

}/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

v/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

;/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

U/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

C/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

P/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

I/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

T/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

F/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

b/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

b/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

p/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

b/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

P/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

I/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

T/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

F/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

b/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

v/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

v/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

v/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

P/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

I/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

T/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

F/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

2/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

3/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

;/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

E/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

V/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

S/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

W/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

V/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

S/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

I/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

F/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

O/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

V/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

A/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

R/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

G/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

S/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

//* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

S/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

C/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

I/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

;/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

p/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

//* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

v/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

q/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

q/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

;/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

//* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

T/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

-/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

m/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

0/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

=/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

,/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

N/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

U/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

L/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

B/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

w/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

;/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

v/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

u/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

x/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

./* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

//* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

s/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

h/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

a/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

*/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

l/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

o/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

g/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

_/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

r/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

c/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

(/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

t/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

 /* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

)/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

;/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

#/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

e/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

n/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

d/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

i/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

f/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);


/* Copy the i-th most recent warning or error (0 = newest) into out (at
 * most n bytes, always terminated). Returns 1, or 0 when there is none.
 * A copy, not a pointer into the ring: another thread may log meanwhile. */
int log_recent(int i, char *out, size_t n);

