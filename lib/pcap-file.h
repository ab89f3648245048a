/* Classic pcap files (not pcapng) of Ethernet frames: reading and writing.
 *
 * The reader accepts both byte orders and both the microsecond and the
 * nanosecond magic.  Every length in the file is checked before it is used:
 * a truncated or inconsistent file gives an error message naming the record
 * and its offset, never an over-read. */
#ifndef WEIR_PCAP_FILE_H
#define WEIR_PCAP_FILE_H 1

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define PCAP_LINKTYPE_ETHERNET 1
#define PCAP_SNAPLEN_MAX 262144         /* libpcap's cap, larger than any MTU */
#define PCAP_FILE_HEADER_LEN 24
#define PCAP_RECORD_HEADER_LEN 16

struct pcap_record {
	uint64_t ts_ns;                 /* since the epoch */
	uint32_t caplen;                /* bytes in data */
	uint32_t len;                   /* bytes on the wire */
	const uint8_t *data;
};

struct pcap_reader {
	FILE *fp;
	bool swapped;                   /* written with the other byte order */
	bool nanosec;                   /* timestamp fractions are ns, not us */
	uint32_t snaplen;               /* largest caplen accepted */
	uint64_t n_records;             /* records read so far */
	uint64_t offset;                /* file offset of the next record */
	uint8_t *buf;                   /* holds the last record's data */
	char error[128];                /* why the last call failed */
};

/* Reads the file header from 'fp' (which stays the caller's).  Returns 0, or
 * -1 with the reason in r->error; pcap_reader_destroy() is needed either way. */
int pcap_reader_open(struct pcap_reader *r, FILE *fp);

/* Reads the next record into 'rec', whose data stays valid until the next
 * call.  Returns 1, 0 at the end of the file, or -1 with r->error set. */
int pcap_read(struct pcap_reader *r, struct pcap_record *rec);

void pcap_reader_destroy(struct pcap_reader *r);

struct pcap_writer {
	FILE *fp;
	bool nanosec;                   /* timestamp fractions are ns, not us */
};

/* Writes a file header in host byte order to 'fp' (which stays the
 * caller's).  Returns 0, or -1 with errno set. */
int pcap_writer_open(struct pcap_writer *w, FILE *fp, bool nanosec);

/* Appends one record; rec->len may exceed rec->caplen for a frame captured
 * short.  Returns 0, or -1 with errno set (EINVAL for a bad length). */
int pcap_write(struct pcap_writer *w, const struct pcap_record *rec);

#endif /* WEIR_PCAP_FILE_H */
