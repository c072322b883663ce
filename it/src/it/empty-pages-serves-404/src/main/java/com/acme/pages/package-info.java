/** The pages of the site: none yet. */
package com.acme.pages;
