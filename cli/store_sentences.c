/* Sentence offsets for coded records that carry their text but not their sentences
 * (dyad code --text without --tokens): the same splitter gives the same sentences,
 * so an event's "sentence" index finds its evidence. */
#include "cli.h"
#include "store.h"

#include <string.h>

/* Rebuilds the document from title and body; NULL unless it gives the very same text. */
static dyad_doc *same_doc(const char *title, const char *text)
{
    size_t tlen = title ? strlen(title) : 0, len = strlen(text);
    const char *body = text;
    if (title && tlen && len >= tlen + 2 && memcmp(text, title, tlen) == 0 &&
        memcmp(text + tlen, "\n\n", 2) == 0)
        body = text + tlen + 2;
    else
        title = NULL, tlen = 0;
    dyad_doc *doc = dyad_doc_new();
    if (!doc || dyad_doc_set_text(doc, title, tlen, body, len - (size_t)(body - text)) != DYAD_OK ||
        doc->text_len != len || memcmp(doc->text, text, len) != 0) {
        dyad_doc_free(doc);
        return NULL;
    }
    return doc;
}

int store_add_sentences(cJSON *rec)
{
    const char *text = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(rec, "text"));
    if (!text || cJSON_HasObjectItem(rec, "sentences"))
        return 0;
    dyad_doc *doc = same_doc(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(rec, "title")), text);
    if (!doc || dyad_tokenize(doc) != DYAD_OK) {
        dyad_doc_free(doc);
        return 0;
    }
    store_sentence_spans(rec, doc);
    dyad_doc_free(doc);
    return 1;
}

void store_sentence_spans(cJSON *rec, const dyad_doc *doc)
{
    cJSON *arr = cJSON_AddArrayToObject(rec, "sentences");
    for (size_t i = 0; arr && i < doc->n_sentences; i++) {
        cJSON *s = cJSON_CreateObject();
        int span[2] = {(int)doc->sentences[i].start, (int)doc->sentences[i].end};
        cJSON_AddItemToObject(s, "span", cJSON_CreateIntArray(span, 2));
        cJSON_AddItemToArray(arr, s);
    }
}
