package io.inkwell.posts.post.web;

import io.inkwell.posts.post.TagCount;
import java.util.List;

record TagListResponse(List<TagCount> items) {}
