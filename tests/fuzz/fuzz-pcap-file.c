/* libFuzzer: arbitrary bytes read as a pcap file.  Every record the reader
 * accepts is read to its last byte, so ASan catches a caplen that lies. */
#include <stdint.h>
#include <stdio.h>

#include "pcap-file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pcap_reader r;
	struct pcap_record rec;
	volatile uint8_t sink = 0;
	FILE *fp;

	if (!size)
		return 0;       /* fmemopen cannot open an empty buffer */
	fp = fmemopen((void *)data, size, "rb");
	if (!fp)
		return 0;
	if (!pcap_reader_open(&r, fp)) {
		while (pcap_read(&r, &rec) == 1) {
			uint32_t i;

			for (i = 0; i < rec.caplen; i++)
				sink ^= rec.data[i];
		}
	}
	pcap_reader_destroy(&r);
	fclose(fp);
	return sink & 0;
}
